// Refreshing after any successful form post, without JavaScript, does not repeat the action. Every action of
// every route is posted once through its real form, as a person would, by the people allowed to, in an order
// where each step builds on the last; each post must answer with a redirect to a GET page, and reloading that
// page must send nothing and change nothing. A new action without a step here fails the completeness check.
import { expect, test, type Page } from './test';
import { unique } from './helpers';
import { AREAS, walkAreas } from './areas-walk';
import { deadEffect, newNotifications, newPeople, newProposals, newThread, noJs, routeActions, today, Walk } from './nojs-walk';
import { EVALUATIONS, RATINGS } from './nojs-ratings-actions';
import { DISPATCH, DISPATCH_SETTINGS, walkDispatch, walkDispatchSettings } from './nojs-dispatch';

test.describe.configure({ mode: 'parallel' });

const ACCOUNTS = [
	'/register default',
	'/account profile',
	'/account password',
	'/preferences textsize',
	'/preferences locale',
	'/c/[slug]/apply default',
	'/c/[slug]/manage review',
	'/c/[slug]/manage settings',
	'/inbox read',
	'/inbox open',
	'/inbox readAll',
	'/logout default',
	'/login default'
];
const ORGANISATION = [
	'/admin createStreet',
	'/admin updateStreet',
	'/admin createCommunity',
	'/admin updateCommunity',
	'/admin createGrid',
	'/admin renameGrid',
	'/admin appointStreetStaff',
	'/admin revoke',
	'/admin retryEffect',
	'/street/[slug]/manage createDepartment',
	'/street/[slug]/manage updateDepartment',
	'/street/[slug]/manage appointDepartment',
	'/street/[slug]/manage appoint',
	'/street/[slug]/manage revoke'
];
const PROPOSALS = [
	'/c/[slug]/proposals/new default',
	'/c/[slug]/proposals/[id=id]/edit default',
	'/c/[slug]/proposals/[id=id] second',
	'/c/[slug]/proposals/[id=id] withdraw',
	'/c/[slug]/proposals/[id=id] answer',
	'/c/[slug]/proposals/[id=id] menu',
	'/c/[slug]/proposals/[id=id] merge',
	'/c/[slug]/manage answer',
	'/c/[slug]/manage menu',
	'/c/[slug]/manage merge'
];
const CONSULTATIONS = [
	'/c/[slug]/consultations/new default',
	'/c/[slug]/consultations/[id=id] comment',
	'/c/[slug]/consultations/[id=id] report',
	'/c/[slug]/consultations/[id=id] hide',
	'/c/[slug]/consultations/[id=id] restore',
	'/c/[slug]/consultations/[id=id] pin',
	'/c/[slug]/consultations/[id=id] lock',
	'/c/[slug]/consultations/[id=id] unlock',
	'/c/[slug]/consultations/[id=id] stage',
	'/c/[slug]/consultations/[id=id] publishResolution',
	'/c/[slug]/consultations/[id=id] implementation',
	'/c/[slug]/consultations/[id=id] close'
];
const MENUS = [
	'/c/[slug]/menus/new default',
	'/c/[slug]/menus/[id=id]/edit default',
	'/c/[slug]/menus/[id=id] submit',
	'/c/[slug]/menus/[id=id] review',
	'/c/[slug]/menus/[id=id] advance',
	'/c/[slug]/menus/[id=id]/ballot vote',
	'/c/[slug]/menus/[id=id]/results publish',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] progress',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] addSpending',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] editSpending',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] accept',
	'/c/[slug]/menus/import default'
];

const pathOf = (page: Page) => new URL(page.url()).pathname;

test('every form action of every route has a reload step in this walk', () => {
	const walked = [...ACCOUNTS, ...ORGANISATION, ...PROPOSALS, ...CONSULTATIONS, ...MENUS, ...RATINGS, ...EVALUATIONS, ...AREAS, ...DISPATCH, ...DISPATCH_SETTINGS].sort();
	expect(new Set(walked).size, 'no action is walked twice').toBe(walked.length);
	const actions = routeActions();
	expect(actions.length, 'the routes were read').toBeGreaterThan(50);
	expect(walked).toEqual(actions);
});

test('吹哨派單: a report from filing to rating, a triage close and an on-the-spot fix', async ({ browser }) => {
	test.setTimeout(180_000);
	await walkDispatch(browser);
});

test('吹哨派單 settings: API keys, holidays, services and their questions, department systems', async ({ browser }) => {
	test.setTimeout(120_000);
	await walkDispatchSettings(browser);
});

test('proposals and the committee’s answers', async ({ browser }) => {
	test.setTimeout(120_000);
	const walk = new Walk('proposals', PROPOSALS);
	const tag = unique();
	const [author, neighbour] = newPeople(tag, ['提案人', '鄰居'], { resident: true });

	// A resident files a proposal, corrects it, and a neighbour seconds it.
	const r1 = await noJs(browser, author.username);
	const title = `Walk ${tag} bicycle shed lights`;
	await r1.goto('/c/jinwei/proposals/new');
	await r1.getByLabel('標題', { exact: true }).fill(title);
	await r1.getByLabel('類別', { exact: true }).selectOption({ label: '設施維修' });
	await r1.getByLabel('詳細說明').fill('單車棚的燈壞了三個月，晚上取車看不見。');
	// Should an open proposal look like this one, the first press lists it (without JavaScript) and the next files.
	// (the page's script asks the same address; it answers with the list's markup, empty when nothing is similar)
	const similar = await (await r1.request.get(`/c/jinwei/proposals/similar?title=${encodeURIComponent(title)}`)).text();
	if (similar.trim()) {
		await r1.getByRole('button', { name: '提交議題' }).click();
		await expect(r1.getByText('已有相似的議題，請先看看下面的列表。')).toBeVisible();
	}
	await walk.step(r1, '/c/[slug]/proposals/new default', () => r1.getByRole('button', { name: '提交議題' }).click(), {
		flash: '議題已提交，鄰居現在可以附議了。',
		keep: [[r1.getByRole('heading', { level: 1, name: title }), 1]]
	});
	const proposal = pathOf(r1);
	const proposalId = Number(proposal.split('/').pop());

	await r1.goto(`${proposal}/edit`);
	await r1.getByLabel('地點（選填）').fill('金韋花園 3 棟單車棚');
	await walk.step(r1, '/c/[slug]/proposals/[id=id]/edit default', () => r1.getByRole('button', { name: '儲存' }).click(), {
		flash: '已儲存。',
		shows: r1.getByText('地點：金韋花園 3 棟單車棚')
	});

	const r2 = await noJs(browser, neighbour.username);
	await r2.goto(proposal);
	await walk.step(r2, '/c/[slug]/proposals/[id=id] second', () => r2.getByRole('button', { name: '附議', exact: true }).click(), {
		flash: '已附議，謝謝你的支持。',
		keep: [[r2.locator('.meter strong', { hasText: /^1$/ }), 1]],
		shows: r2.getByText('您已附議這個議題。')
	});

	// The author withdraws another of their proposals.
	const [withdrawn] = newProposals(author.username, 'open', [`Walk ${tag} withdraw me`]);
	await r1.goto(`/c/jinwei/proposals/${withdrawn}`);
	await walk.step(r1, '/c/[slug]/proposals/[id=id] withdraw', () => r1.getByRole('button', { name: '撤回議題' }).click(), {
		flash: '議題已撤回。',
		keep: [[r1.getByRole('button', { name: '撤回議題' }), 0]]
	});
	await r1.context().close();

	// The committee answers three proposals on their own pages: answer, mark for a menu, merge into the first.
	const [toAnswer, toMenu, toMerge] = newProposals(neighbour.username, 'open', [`Walk ${tag} answer`, `Walk ${tag} menu`, `Walk ${tag} merge`]);
	const committee = await noJs(browser, 'committee1');
	const respond = async (id: number, key: string, open: string, fill: () => Promise<unknown>, button: string, flash: string) => {
		await committee.goto(`/c/jinwei/proposals/${id}`);
		await committee.locator('summary', { hasText: open }).click();
		await fill();
		await walk.step(committee, key, () => committee.getByRole('button', { name: button, exact: true }).click(), {
			flash,
			keep: [[committee.locator('.respond form'), 0]]
		});
	};
	await respond(
		toAnswer,
		'/c/[slug]/proposals/[id=id] answer',
		'答覆並結案',
		() => committee.getByLabel('答覆內容和理由').fill('物業已排期下週維修。'),
		'答覆並結案',
		'已答覆並結案。'
	);
	await expect(committee.getByText('物業已排期下週維修。')).toBeVisible();
	await respond(
		toMenu,
		'/c/[slug]/proposals/[id=id] menu',
		'列入民生微實事項目清單',
		() => committee.locator('form[action="?/menu"]').getByLabel('說明（選填）').fill('下一期菜單徵集時提出。'),
		'列入項目清單',
		'已列入項目清單候選。'
	);
	await respond(
		toMerge,
		'/c/[slug]/proposals/[id=id] merge',
		'合併到重複的議題',
		() => committee.getByLabel('合併到').selectOption(String(proposalId)),
		'合併',
		'已合併到另一個議題。'
	);

	// …and three qualified ones from the queue of its desk.
	const queued = newProposals(neighbour.username, 'qualified', [`Walk ${tag} desk answer`, `Walk ${tag} desk menu`, `Walk ${tag} desk merge`]);
	const fromDesk = async (
		id: number,
		key: string,
		open: string,
		fill: (item: ReturnType<Page['locator']>) => Promise<unknown>,
		button: string,
		flash: string
	) => {
		await committee.goto('/c/jinwei/manage');
		const heading = committee.locator('#proposal-queue').getByRole('heading', { name: new RegExp(`Walk ${tag} desk`) });
		const item = committee.locator('#proposal-queue > ul > li').filter({ has: committee.locator(`a[href$="/proposals/${id}"]`) });
		await item.locator('summary', { hasText: '回應「' }).click();
		await item.locator('summary', { hasText: open }).click();
		await fill(item);
		await walk.step(committee, key, () => item.getByRole('button', { name: button, exact: true }).click(), {
			flash,
			keep: [[item, 0], heading]
		});
	};
	await fromDesk(
		queued[0],
		'/c/[slug]/manage answer',
		'答覆並結案',
		(item) => item.getByLabel('答覆內容和理由').fill('已請物業處理。'),
		'答覆並結案',
		'已答覆並結案。'
	);
	await fromDesk(
		queued[1],
		'/c/[slug]/manage menu',
		'列入民生微實事項目清單',
		(item) => item.locator('form[action="?/menu"]').getByLabel('說明（選填）').fill('列入菜單。'),
		'列入項目清單',
		'已列入項目清單候選。'
	);
	await fromDesk(
		queued[2],
		'/c/[slug]/manage merge',
		'合併到重複的議題',
		(item) => item.getByLabel('合併到').selectOption(String(proposalId)),
		'合併',
		'已合併到另一個議題。'
	);

	// The proposal the others were merged into shows them.
	await committee.goto(proposal);
	await expect(committee.getByRole('link', { name: `#${toMerge} Walk ${tag} merge` })).toBeVisible();
	walk.done();
});

test('a consultation: discussion, moderation, the four stages of a 重大事項, resolution and implementation', async ({ browser }) => {
	test.setTimeout(120_000);
	const walk = new Walk('consultations', CONSULTATIONS);
	const tag = unique();
	const [author, speaker, reporter] = newPeople(tag, ['提案人', '發言人', '檢舉人'], { resident: true });
	const [proposalId] = newProposals(author.username, 'qualified', [`屋頂修繕 ${tag}`]);

	// The committee takes the proposal to consultation as a 重大事項.
	const committee = await noJs(browser, 'committee1');
	await committee.goto(`/c/jinwei/consultations/new?proposal=${proposalId}`);
	await expect(committee.getByLabel('協商主題')).toHaveValue(`屋頂修繕 ${tag}`);
	await committee.getByLabel(/這是重大事項/).check();
	await walk.step(committee, '/c/[slug]/consultations/new default', () => committee.getByRole('button', { name: '開啟協商' }).click(), {
		flash: '已開啟協商，歡迎居民參與討論。',
		keep: [[committee.getByRole('heading', { level: 1, name: `屋頂修繕 ${tag}` }), 1]],
		shows: committee.getByText('重大事項').first()
	});
	const thread = pathOf(committee);
	const comments = (page: Page) => page.locator('article.comment');

	// A resident comments with a stance; another reports the comment.
	const r2 = await noJs(browser, speaker.username);
	await r2.goto(thread);
	await r2.getByRole('radio', { name: '贊成', exact: true }).check();
	await r2.getByLabel('您的意見').fill('支持用維修基金修屋頂。');
	await walk.step(r2, '/c/[slug]/consultations/[id=id] comment', () => r2.getByRole('button', { name: '發表意見' }).click(), {
		flash: '已發表留言。',
		keep: [[comments(r2), 1]],
		shows: r2.getByRole('heading', { name: '留言（1）' })
	});
	await r2.context().close();

	const r3 = await noJs(browser, reporter.username);
	await r3.goto(thread);
	await r3.locator('summary', { hasText: '檢舉' }).click();
	await r3.getByRole('radio', { name: '廣告或灌水' }).check();
	await walk.step(r3, '/c/[slug]/consultations/[id=id] report', () => r3.getByRole('button', { name: '送出檢舉' }).click(), {
		flash: '已檢舉，居委會會查看這則留言。',
		keep: [[comments(r3), 1]],
		shows: r3.getByText('您已檢舉')
	});
	await r3.context().close();

	// The committee hides and restores the comment, pins a summary, locks and unlocks the thread.
	await committee.goto(thread);
	await expect(committee.getByText('未處理的檢舉：1 次')).toBeVisible();
	await committee.locator('article.comment summary', { hasText: '隱藏' }).click();
	await committee.getByLabel('隱藏原因').fill('請就事論事');
	await walk.step(committee, '/c/[slug]/consultations/[id=id] hide', () => committee.getByRole('button', { name: '隱藏留言' }).click(), {
		flash: '已隱藏留言，留言者會收到原因。',
		keep: [[comments(committee), 1]],
		shows: committee.getByText('這則留言已被居委會隱藏。原因：請就事論事')
	});
	await walk.step(committee, '/c/[slug]/consultations/[id=id] restore', () => committee.getByRole('button', { name: '恢復顯示' }).click(), {
		flash: '已恢復留言。',
		keep: [[committee.getByText('這則留言已被居委會隱藏'), 0]]
	});
	await committee.locator('summary', { hasText: '置頂討論摘要' }).click();
	await committee.getByLabel('摘要', { exact: true }).fill('居民支持用維修基金修屋頂。');
	await walk.step(committee, '/c/[slug]/consultations/[id=id] pin', () => committee.getByRole('button', { name: '儲存摘要' }).click(), {
		flash: '已置頂摘要。',
		shows: committee.getByRole('heading', { name: '居委會的討論摘要' })
	});
	await walk.step(committee, '/c/[slug]/consultations/[id=id] lock', () => committee.getByRole('button', { name: '暫停留言' }).click(), {
		flash: '已暫停留言。',
		shows: committee.getByRole('button', { name: '恢復留言' })
	});
	await walk.step(committee, '/c/[slug]/consultations/[id=id] unlock', () => committee.getByRole('button', { name: '恢復留言' }).click(), {
		flash: '已重新開放留言。',
		shows: committee.getByRole('button', { name: '暫停留言' })
	});

	// 四議: 提議, 商議, 審議 and 決議 are recorded in turn; then 決議公開 and 實施結果公開.
	const records = committee.locator('#stages ol.records > li');
	for (const [stage, name] of ['提議', '商議', '審議', '決議'].entries()) {
		await expect(committee.getByRole('heading', { name: `記錄「${name}」` })).toBeVisible();
		await committee.getByLabel('會議日期').fill(today());
		await committee.getByLabel('結果', { exact: true }).fill(`${name}通過`);
		await committee.getByLabel('會議紀要').fill(`${name}會議：到會居民代表同意修繕屋頂。`);
		await committee.getByLabel('應到人數').fill('9');
		await committee.getByLabel('實到人數').fill('7');
		if (stage >= 2) {
			await committee.getByLabel('贊成票').fill('6');
			await committee.getByLabel('反對票').fill('1');
			await committee.getByLabel('棄權票').fill('0');
		}
		await walk.step(committee, '/c/[slug]/consultations/[id=id] stage', () => committee.getByRole('button', { name: '儲存記錄' }).click(), {
			flash: '已記錄。',
			keep: [[records, stage + 1]]
		});
	}
	await committee.locator('summary', { hasText: '決議公開' }).click();
	await committee.getByLabel('決議內容').fill('動用維修基金修繕屋頂防水層。');
	await walk.step(committee, '/c/[slug]/consultations/[id=id] publishResolution', () => committee.getByRole('button', { name: '決議公開' }).click(), {
		flash: '決議已公開，協商已結束。',
		shows: committee.getByText('動用維修基金修繕屋頂防水層。')
	});
	await committee.getByLabel('實施結果').fill('屋頂防水層已於本月完工。');
	await walk.step(committee, '/c/[slug]/consultations/[id=id] implementation', () => committee.getByRole('button', { name: '公開實施結果' }).click(), {
		flash: '已公開實施結果。',
		shows: [committee.getByRole('heading', { name: '實施結果公開' }), committee.getByText('屋頂防水層已於本月完工。')]
	});

	// An ordinary thread is closed with its resolution.
	const ordinary = newThread(`Walk ${tag} 停車位協商`);
	await committee.goto(`/c/jinwei/consultations/${ordinary}`);
	await committee.locator('summary', { hasText: '結束協商並公布決議' }).click();
	await committee.getByLabel('決議內容').fill('夜間開放商業街停車場。');
	await walk.step(committee, '/c/[slug]/consultations/[id=id] close', () => committee.getByRole('button', { name: '結束協商並公布決議' }).click(), {
		flash: '協商已結束並公布決議。',
		shows: committee.getByText('夜間開放商業街停車場。')
	});
	walk.done();
});

test('a project menu from creation to acceptance, and a Pabulib import', async ({ browser }) => {
	test.setTimeout(120_000);
	const walk = new Walk('menus', MENUS);
	const tag = unique();
	const [voter] = newPeople(tag, ['投票人'], { resident: true });
	const title = `走訪菜單 ${tag}`;

	// The street office creates the menu and corrects it.
	const street = await noJs(browser, 'street');
	await street.goto('/c/jinwei/menus/new');
	await street.getByLabel('菜單名稱').fill(title);
	await street.getByLabel('說明', { exact: true }).fill('走訪用的菜單。');
	await street.getByLabel('總預算（元）').fill('100000');
	await walk.step(street, '/c/[slug]/menus/new default', () => street.getByRole('button', { name: '建立菜單' }).click(), {
		flash: '已建立項目菜單。',
		keep: [[street.getByRole('heading', { level: 1, name: title }), 1]]
	});
	const menu = pathOf(street);
	await street.goto(`${menu}/edit`);
	await street.getByLabel('說明', { exact: true }).fill('走訪用的菜單，歡迎提出項目。');
	await walk.step(street, '/c/[slug]/menus/[id=id]/edit default', () => street.getByRole('button', { name: '儲存' }).click(), {
		flash: '菜單的修改已儲存。',
		shows: street.getByText('走訪用的菜單，歡迎提出項目。')
	});

	// A resident puts a candidate on it; the committee finds it feasible.
	const resident = await noJs(browser, voter.username);
	await resident.goto(menu);
	await resident.getByLabel('項目名稱').fill(`單車棚 ${tag}`);
	await resident.getByLabel('估算費用（元）').fill('30000');
	const cards = (page: Page) => page.locator('li.card[id^=project-]');
	await walk.step(resident, '/c/[slug]/menus/[id=id] submit', () => resident.getByRole('button', { name: '提交項目' }).click(), {
		flash: '已提交候選項目，居委會或街道評議後會通知您。',
		keep: [[cards(resident), 1]],
		shows: resident.getByRole('heading', { name: '候選項目（1）' })
	});
	const project = `${menu}/projects/${(await cards(resident).getAttribute('id'))!.slice('project-'.length)}`;
	const committee = await noJs(browser, 'committee1');
	await committee.goto(menu);
	await walk.step(committee, '/c/[slug]/menus/[id=id] review', () => cards(committee).getByRole('button', { name: '可行', exact: true }).click(), {
		flash: '已評議，結果已儲存。',
		keep: [[cards(committee), 1]],
		shows: cards(committee).getByText('核定 ¥30,000')
	});

	// The street moves it to review and to the vote; the resident votes; the street closes the vote.
	const advance = async (phase: string, flash: string) => {
		if (pathOf(street) !== menu) await street.goto(menu);
		await street.locator('summary', { hasText: `提前進入「${phase}」` }).click();
		await walk.step(street, '/c/[slug]/menus/[id=id] advance', () => street.getByRole('button', { name: `確定進入「${phase}」` }).click(), {
			flash,
			keep: [[street.locator('summary', { hasText: `提前進入「${phase}」` }), 0]]
		});
	};
	await advance('評議', '已進入「評議」階段。');
	await advance('投票', '已進入「投票」階段，居民已收到投票通知。');
	await resident.goto(`${menu}/ballot`);
	await resident.getByLabel(new RegExp(`單車棚 ${tag}`)).check();
	await walk.step(resident, '/c/[slug]/menus/[id=id]/ballot vote', () => resident.getByRole('button', { name: '投出選票' }).click(), {
		flash: '已投票，選票已儲存。投票結束前可以再修改，以最後一次為準。',
		shows: resident.getByLabel(new RegExp(`單車棚 ${tag}`))
	});
	await expect(resident.getByLabel(new RegExp(`單車棚 ${tag}`))).toBeChecked();
	await resident.context().close();
	await advance('確定', '已進入「確定」階段，投票已結束。');

	// The street publishes the count.
	await street.goto(`${menu}/results`);
	await walk.step(street, '/c/[slug]/menus/[id=id]/results publish', () => street.getByRole('button', { name: '公布結果' }).click(), {
		flash: '結果已公布，投票的居民已收到通知。',
		keep: [[street.getByRole('button', { name: '公布結果' }), 0]],
		shows: street.getByRole('row', { name: new RegExp(`單車棚 ${tag}`) }).getByText('入選', { exact: true })
	});

	// The works: a progress update with a photo, a spending line and its correction, then the acceptance.
	await street.goto(project);
	await street.getByLabel('進展說明').fill('單車棚燈具全部換好。');
	await street.getByLabel('完成進度（%）').fill('100');
	await street.getByLabel('現場照片').setInputFiles('tests/fixtures/photo.jpg');
	const updates = street.locator('#timeline + ol > li');
	await walk.step(street, '/c/[slug]/menus/[id=id]/projects/[projectId=id] progress', () => street.getByRole('button', { name: '發佈進度' }).click(), {
		flash: '進度已發佈。',
		keep: [
			[updates, 1],
			[updates.locator('img'), 1]
		],
		shows: updates.getByText('單車棚燈具全部換好。')
	});
	const lines = street.locator('section[aria-labelledby=spending] tbody tr');
	await street.getByLabel('支出項目').fill('LED 燈具');
	await street.getByLabel('計劃金額（元）').fill('28000');
	await walk.step(street, '/c/[slug]/menus/[id=id]/projects/[projectId=id] addSpending', () => street.getByRole('button', { name: '登記這一項' }).click(), {
		flash: '支出明細已儲存。',
		keep: [[lines, 1]],
		shows: street.getByRole('rowheader', { name: 'LED 燈具' })
	});
	await street.getByRole('link', { name: '修改「LED 燈具」' }).click();
	await street.getByLabel('實際金額（元）').fill('27500');
	await walk.step(
		street,
		'/c/[slug]/menus/[id=id]/projects/[projectId=id] editSpending',
		() => street.locator('#spending-form').getByRole('button', { name: '儲存' }).click(),
		{
			flash: '支出明細已儲存。',
			keep: [[lines, 1]],
			shows: street.getByRole('row', { name: /LED 燈具/ }).getByText('¥27,500')
		}
	);
	await committee.goto(project);
	await committee.getByLabel('在場的居民代表').fill('王秀英、李建國');
	await committee.getByLabel('驗收意見').fill('燈具安裝到位。');
	await walk.step(committee, '/c/[slug]/menus/[id=id]/projects/[projectId=id] accept', () => committee.getByRole('button', { name: '確認驗收' }).click(), {
		flash: '驗收結果已登記，並已通知投票支持這個項目的居民。',
		keep: [[committee.getByRole('button', { name: '確認驗收' }), 0]],
		shows: committee.locator('section:has(#acceptance)').getByText('燈具安裝到位。')
	});

	// A real election replays from a tiny Pabulib file.
	const replay = `走訪重播 ${tag}`;
	const pb = [
		'META',
		'key;value',
		'description;walk',
		'num_projects;2',
		'num_votes;2',
		'budget;100',
		'vote_type;approval',
		'rule;greedy',
		'PROJECTS',
		'project_id;cost;votes;selected',
		'1;60;2;1',
		'2;50;1;0',
		'VOTES',
		'voter_id;vote',
		'1;1,2',
		'2;1',
		''
	].join('\n');
	await street.goto('/c/fenghuangshan/menus/import');
	await street.getByLabel('.pb 檔案').setInputFiles({ name: 'walk.pb', mimeType: 'text/plain', buffer: Buffer.from(pb) });
	await street.getByLabel('顯示名稱（可不填）').fill(replay);
	await walk.step(street, '/c/[slug]/menus/import default', () => street.getByRole('button', { name: '匯入並計票' }).click(), {
		flash: '已匯入選舉，結果如下。',
		keep: [[street.getByRole('heading', { level: 1, name: new RegExp(replay) }), 1]],
		shows: street.getByText('2 人投票，1 個項目入選')
	});
	walk.done();
});

test('accounts, preferences, residency, the committee’s settings and the inbox', async ({ browser }) => {
	test.setTimeout(120_000);
	const walk = new Walk('accounts', ACCOUNTS);
	const tag = unique();
	const username = `walk_${tag}`;

	// A visitor registers, names themself, changes the password, and picks large text and a language.
	const me = await noJs(browser);
	await me.goto('/register');
	await me.getByLabel('登入名稱').fill(username);
	await me.getByLabel('顯示名稱').fill(`走訪者${tag}`);
	await me.getByLabel('密碼', { exact: true }).fill('walking-lantern-31');
	await me.getByLabel('再輸入一次密碼').fill('walking-lantern-31');
	await walk.step(me, '/register default', () => me.getByRole('button', { name: '註冊' }).click(), {
		shows: [me.getByText('歡迎！'), me.getByRole('button', { name: '登出' })]
	});
	expect(pathOf(me)).toBe('/my');

	await me.goto('/account');
	await me.getByLabel('顯示名稱').fill(`走訪者${tag}二`);
	await walk.step(me, '/account profile', () => me.getByRole('button', { name: '儲存' }).click(), {
		flash: '顯示名稱已更新。',
		shows: me.getByLabel('顯示名稱')
	});
	await expect(me.getByLabel('顯示名稱')).toHaveValue(`走訪者${tag}二`);
	await me.getByLabel('目前的密碼').fill('walking-lantern-31');
	await me.getByLabel('新密碼').fill('quiet-meadow-47');
	await me.getByLabel('再輸入一次密碼').fill('quiet-meadow-47');
	await walk.step(me, '/account password', () => me.getByRole('button', { name: '更改密碼' }).click(), {
		flash: '密碼已更改，其他裝置已登出。'
	});

	await walk.step(me, '/preferences textsize', () => me.getByRole('button', { name: '大字' }).click(), {
		shows: me.locator('button[aria-pressed=true]', { hasText: '大字' })
	});
	expect(pathOf(me)).toBe('/account');
	await walk.step(me, '/preferences locale', () => me.getByRole('button', { name: 'EN', exact: true }).click(), {
		shows: me.getByRole('heading', { level: 1, name: 'Account settings' })
	});
	await me.getByRole('button', { name: '繁體' }).click();
	await expect(me.getByRole('heading', { level: 1, name: '帳戶設定' })).toBeVisible();

	// They apply to be a resident of jinwei; the committee verifies them and changes a setting (and back).
	await me.goto('/c/jinwei/apply');
	await me.getByLabel('小區').fill('金韋花園');
	await me.getByLabel('樓棟').fill('11');
	await me.getByLabel('單元', { exact: true }).fill('3');
	await me.getByLabel('房號（可不填）').fill('1201');
	await walk.step(me, '/c/[slug]/apply default', () => me.getByRole('button', { name: '送出申請' }).click(), {
		flash: '申請已送出，居委會審核後會通知您。',
		shows: me.getByText('您的居民申請正在等待居委會審核。')
	});

	const committee = await noJs(browser, 'committee1');
	await committee.goto('/c/jinwei/manage');
	const application = committee.getByRole('listitem').filter({ hasText: `@${username}` });
	await expect(application).toContainText('金韋花園 11 棟 3 單元 1201 室');
	await walk.step(committee, '/c/[slug]/manage review', () => application.getByRole('button', { name: '認證' }).click(), {
		flash: '已認證，申請人會收到通知。',
		keep: [[application, 0]]
	});
	const days = committee.getByLabel('居委會回應期限（天）');
	const usual = await days.inputValue();
	await days.fill(String(Number(usual) + 1));
	await walk.step(committee, '/c/[slug]/manage settings', () => committee.locator('form[action="?/settings"]').getByRole('button', { name: '儲存' }).click(), {
		flash: '已儲存。'
	});
	await expect(days).toHaveValue(String(Number(usual) + 1));
	await days.fill(usual);
	await committee.locator('form[action="?/settings"]').getByRole('button', { name: '儲存' }).click();
	await expect(committee.locator('main > .flash')).toHaveText('已儲存。');
	await expect(days).toHaveValue(usual);
	await committee.context().close();

	// Their inbox: mark one read, open another, then mark all read.
	newNotifications(username, [`走訪通知甲${tag}`, `走訪通知乙${tag}`, `走訪通知丙${tag}`]);
	await me.goto('/inbox');
	const unread = me.locator('li.unread');
	await expect(unread).toHaveCount(4); // the three, and the committee's verification
	const item = (name: string) => me.getByRole('listitem').filter({ hasText: name });
	await walk.step(me, '/inbox read', () => item(`走訪通知甲${tag}`).getByRole('button', { name: '標為已讀' }).click(), {
		keep: [[unread, 3]]
	});
	await walk.step(
		me,
		'/inbox open',
		() =>
			item(`走訪通知乙${tag}`)
				.getByRole('button', { name: new RegExp(`走訪通知乙${tag}`) })
				.click(),
		{
			shows: me.getByRole('heading', { level: 1, name: '金韋社區' })
		}
	);
	expect(pathOf(me)).toBe('/c/jinwei');
	await me.goto('/inbox');
	await expect(unread).toHaveCount(2);
	await walk.step(me, '/inbox readAll', () => me.getByRole('button', { name: '全部標為已讀' }).click(), {
		keep: [
			[unread, 0],
			[me.getByRole('button', { name: '全部標為已讀' }), 0]
		]
	});

	// They sign out, and in again with the new password.
	await walk.step(me, '/logout default', () => me.getByRole('button', { name: '登出' }).click(), {
		shows: me.getByRole('link', { name: '登入', exact: true })
	});
	await me.goto('/login');
	await me.getByLabel('登入名稱').fill(username);
	await me.getByLabel('密碼').fill('quiet-meadow-47');
	await walk.step(me, '/login default', () => me.getByRole('button', { name: '登入' }).last().click(), {
		shows: me.getByRole('button', { name: '登出' })
	});
	// without a destination, a resident lands on their community
	expect(pathOf(me)).toBe('/c/jinwei');
	walk.done();
});

test('the admin’s streets, communities, grids, staff and deliveries; a street’s desk', async ({ browser }) => {
	test.setTimeout(120_000);
	const walk = new Walk('organisation', ORGANISATION);
	const tag = unique();
	const [officer, worker, account] = newPeople(tag, ['街道幹事', '網格員', '部門帳戶']);
	const slug = `w${tag}s`;

	// The admin adds a street of its own, renames it, adds a community and a grid and renames them.
	const admin = await noJs(browser, 'admin');
	await admin.goto('/admin');
	const newStreet = admin.locator('section[aria-labelledby=new-street-h]');
	await newStreet.getByLabel('街道名稱').fill(`走訪街道${tag}`);
	await newStreet.getByLabel('網址代號').fill(slug);
	const section = admin.locator('section.card', { has: admin.locator('h2', { hasText: `/${slug}` }) });
	await walk.step(admin, '/admin createStreet', () => newStreet.getByRole('button', { name: '新增' }).click(), {
		flash: '已儲存。',
		keep: [[section, 1]]
	});
	await section.locator('form[action="?/updateStreet"]').getByLabel('街道名稱').fill(`走訪新街道${tag}`);
	await walk.step(admin, '/admin updateStreet', () => section.locator('form[action="?/updateStreet"]').getByRole('button', { name: '儲存' }).click(), {
		flash: '已儲存。',
		keep: [[section, 1]],
		shows: section.getByRole('heading', { level: 2, name: new RegExp(`走訪新街道${tag}`) })
	});
	const addCommunity = section.locator('form[action="?/createCommunity"]');
	await addCommunity.getByLabel('社區名稱').fill(`走訪社區${tag}`);
	await addCommunity.getByLabel('網址代號').fill(`w${tag}c`);
	await addCommunity.getByLabel('簡介').fill('走訪用的社區。');
	const community = section.locator('details.community');
	await walk.step(admin, '/admin createCommunity', () => addCommunity.getByRole('button', { name: '新增' }).click(), {
		flash: '已儲存。',
		keep: [[community, 1]],
		shows: community.locator('summary', { hasText: `走訪社區${tag}` })
	});
	await community.locator('summary').click();
	await community.locator('form[action="?/updateCommunity"]').getByLabel('社區名稱').fill(`走訪新社區${tag}`);
	await walk.step(admin, '/admin updateCommunity', () => community.locator('form[action="?/updateCommunity"]').getByRole('button', { name: '儲存' }).click(), {
		flash: '已儲存。',
		keep: [[community, 1]],
		shows: community.locator('summary', { hasText: `走訪新社區${tag}` })
	});
	const grids = community.locator('form[action="?/renameGrid"]');
	await community.locator('summary').click();
	await community.getByLabel('新增網格').fill(`走訪網格${tag}`);
	await walk.step(admin, '/admin createGrid', () => community.locator('form[action="?/createGrid"]').getByRole('button', { name: '新增' }).click(), {
		flash: '已儲存。',
		keep: [[grids, 1]]
	});
	await community.locator('summary').click();
	await expect(grids.getByLabel('網格名稱')).toHaveValue(`走訪網格${tag}`);
	await grids.getByLabel('網格名稱').fill(`走訪第一網格${tag}`);
	await walk.step(admin, '/admin renameGrid', () => grids.getByRole('button', { name: '儲存' }).click(), {
		flash: '已儲存。',
		keep: [[grids, 1]]
	});
	await community.locator('summary').click();
	await expect(grids.getByLabel('網格名稱')).toHaveValue(`走訪第一網格${tag}`);

	// The admin appoints the street's officer.
	await section.getByLabel('委任街道工作人員（登入名稱）').fill(officer.username);
	const staff = section.getByRole('listitem').filter({ hasText: `@${officer.username}` });
	await walk.step(admin, '/admin appointStreetStaff', () => section.getByRole('button', { name: '委任', exact: true }).click(), {
		flash: '已委任。',
		keep: [[staff, 1]]
	});

	// The officer sets up the street's desk: a department, its account, and a grid worker (who then leaves).
	const desk = await noJs(browser, officer.username);
	await desk.goto('/login'); // signed in already: the sign-in page sends the officer where they work
	await desk.getByRole('link', { name: `走訪新街道${tag}工作台` }).click();
	expect(pathOf(desk)).toBe(`/street/${slug}/manage`);
	const newDepartment = desk.getByRole('form', { name: '新增職能部門' });
	await newDepartment.getByLabel('部門名稱').fill(`走訪城管${tag}`);
	await newDepartment.getByLabel('聯絡方式').fill('街道辦一樓');
	const department = desk.locator('#departments-h + p + ul > li').filter({ has: desk.locator('strong', { hasText: `走訪城管${tag}` }) });
	await walk.step(desk, '/street/[slug]/manage createDepartment', () => newDepartment.getByRole('button', { name: '新增' }).click(), {
		flash: '已新增職能部門。',
		keep: [[department, 1]],
		shows: department.getByText('街道辦一樓')
	});
	await department.locator('summary', { hasText: `修改走訪城管${tag}的資料` }).click();
	await department.getByLabel('聯絡方式').fill('街道辦二樓 · 0755-0000');
	await walk.step(desk, '/street/[slug]/manage updateDepartment', () => department.getByRole('button', { name: '儲存' }).click(), {
		flash: '已儲存。',
		keep: [[department, 1]],
		shows: department.getByText('街道辦二樓 · 0755-0000')
	});
	const appointDepartment = desk.getByRole('form', { name: '委任部門帳戶' });
	await appointDepartment.getByLabel('部門帳戶').fill(account.username);
	await appointDepartment.getByLabel('委任到哪個部門').selectOption({ label: `走訪城管${tag}` });
	await walk.step(desk, '/street/[slug]/manage appointDepartment', () => appointDepartment.getByRole('button', { name: '委任到部門' }).click(), {
		flash: '已委任。',
		keep: [[department.getByText(`@${account.username}`), 1]]
	});
	await desk.getByLabel('登入名稱').fill(worker.username);
	await desk.getByLabel('角色').selectOption('grid_worker');
	await desk.getByLabel('社區', { exact: true }).selectOption({ label: `走訪新社區${tag}` });
	await desk.getByLabel('所在網格').selectOption({ label: `走訪新社區${tag} · 走訪第一網格${tag}` });
	const gridWorker = desk.getByRole('listitem').filter({ hasText: `@${worker.username}` });
	await walk.step(desk, '/street/[slug]/manage appoint', () => desk.getByRole('button', { name: '委任', exact: true }).click(), {
		flash: '已委任。',
		keep: [[gridWorker, 1]],
		shows: gridWorker.getByText(`走訪第一網格${tag}`)
	});
	await walk.step(desk, '/street/[slug]/manage revoke', async () => {
		await gridWorker.getByText(`解除${worker.name}的委任…`).click();
		await gridWorker.getByRole('button', { name: '確定解除委任' }).click();
	}, {
		flash: '已解除委任。',
		keep: [[gridWorker, 0]]
	});
	await desk.context().close();

	// The admin relieves the officer, and sends a dead delivery again.
	await admin.goto('/admin');
	await walk.step(admin, '/admin revoke', async () => {
		await staff.getByText(`解除${officer.name}的委任…`).click();
		await staff.getByRole('button', { name: '確定解除委任' }).click();
	}, {
		flash: '已解除委任。',
		keep: [[staff, 0]]
	});
	const effect = deadEffect();
	await admin.goto('/admin');
	await walk.step(admin, '/admin retryEffect', () => admin.getByRole('button', { name: `重新發送第 ${effect} 項` }).click(), {
		flash: '已重新排入發送。',
		keep: [[admin.getByRole('button', { name: `重新發送第 ${effect} 項` }), 0]]
	});
	walk.done();
});

test('建設共管: areas, claims, care logs and teams', async ({ browser }) => {
	test.setTimeout(180_000);
	await walkAreas(browser);
});
