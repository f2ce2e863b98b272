// The no-JavaScript reload walk of 建設共管 (see nojs-walk.ts): the committee builds an area and the plan, residents
// claim, log care, thank and nudge, give up and renew, the committee decides claims, logs and teams, and asks the
// neighbours to rate a term's upkeep.
import { encodePng } from '../../src/lib/server/media/png';
import { newArea, newClaim, passTime } from './areas-fixture';
import { unique } from './helpers';
import { newPeople, noJs, Walk } from './nojs-walk';
import { rateAndModerate } from './nojs-ratings-actions';
import { expect, type Browser, type Page } from './test';

export const AREAS = [
	'/c/[slug]/areas/new default',
	'/c/[slug]/areas/[id=id]/edit default',
	'/c/[slug]/areas/plan upload',
	'/c/[slug]/areas/plan pin',
	'/c/[slug]/areas/plan settings',
	'/c/[slug]/areas/[id=id] claim',
	'/c/[slug]/areas/[id=id] log',
	'/c/[slug]/areas/[id=id] thank',
	'/c/[slug]/areas/[id=id] check',
	'/c/[slug]/areas/[id=id] reject',
	'/c/[slug]/areas/[id=id] nudge',
	'/c/[slug]/areas/[id=id] release',
	'/c/[slug]/areas/[id=id] renew',
	'/c/[slug]/areas/[id=id] review',
	'/c/[slug]/areas/[id=id] revoke',
	'/c/[slug]/areas/[id=id] retire',
	'/c/[slug]/areas/[id=id] openRating',
	'/c/[slug]/areas/[id=id] rate',
	'/c/[slug]/areas/[id=id] hideRating',
	'/c/[slug]/areas/[id=id] restoreRating',
	'/c/[slug]/areas/teams create',
	'/c/[slug]/areas/teams review',
	'/c/[slug]/areas/teams join',
	'/c/[slug]/areas/teams leave'
];

const pathOf = (page: Page) => new URL(page.url()).pathname;
const plan = () => encodePng(300, 200, (x, y) => (x > 100 && x < 200 && y > 50 && y < 150 ? [150, 200, 140] : [240, 238, 230]));

export async function walkAreas(browser: Browser) {
	const walk = new Walk('areas', AREAS);
	const tag = unique();
	const [holder, neighbour] = newPeople(tag, ['認領人', '鄰居'], { resident: true });
	const committee = await noJs(browser, 'committee1');

	// The committee adds an area, corrects it, keeps the claim rules, uploads a plan and places the area on it.
	const name = `Walk ${tag} 綠地`;
	await committee.goto('/c/jinwei/areas/new');
	await committee.getByLabel('名稱', { exact: true }).fill(name);
	await committee.getByLabel('位置', { exact: true }).fill('金韋花園 20 棟');
	await walk.step(committee, '/c/[slug]/areas/new default', () => committee.getByRole('button', { name: '新增', exact: true }).click(), {
		flash: '已新增。',
		keep: [[committee.getByRole('heading', { level: 1, name }), 1]]
	});
	const area = pathOf(committee);
	const areaId = area.split('/').pop()!;
	await committee.goto(`${area}/edit`);
	await committee.getByLabel('位置', { exact: true }).fill('金韋花園 20 棟東側');
	await walk.step(committee, '/c/[slug]/areas/[id=id]/edit default', () => committee.getByRole('button', { name: '儲存', exact: true }).click(), {
		flash: '已儲存修改。',
		shows: committee.getByText('金韋花園 20 棟東側')
	});
	await committee.goto('/c/jinwei/areas/plan');
	await walk.step(committee, '/c/[slug]/areas/plan settings', () => committee.getByRole('button', { name: '儲存規則' }).click(), { flash: '認領規則已儲存。' });
	await committee.setInputFiles('#f-plan', [{ name: 'plan.png', mimeType: 'image/png', buffer: plan() }]);
	await walk.step(committee, '/c/[slug]/areas/plan upload', () => committee.getByRole('button', { name: '上傳', exact: true }).click(), { flash: '網格圖已上傳。' });
	await committee.getByLabel('要標記的區域').selectOption(areaId);
	await walk.step(committee, '/c/[slug]/areas/plan pin', () => committee.locator('input[type=image]').click({ position: { x: 360, y: 240 } }), { flash: '已標記位置。' });

	// A resident claims it and logs care with a photo; a neighbour thanks it; the committee checks, then rejects it.
	const r1 = await noJs(browser, holder.username);
	await r1.goto(area);
	await walk.step(r1, '/c/[slug]/areas/[id=id] claim', () => r1.getByRole('button', { name: '認領這個區域' }).click(), {
		flash: '認領成功！記得按時打理並登記。',
		keep: [[r1.getByRole('button', { name: '放棄認領' }), 1]]
	});
	await r1.getByLabel('用了多少分鐘').fill('45');
	await r1.setInputFiles('#f-photos', ['tests/fixtures/photo.png']);
	await walk.step(r1, '/c/[slug]/areas/[id=id] log', () => r1.getByRole('button', { name: '登記', exact: true }).click(), {
		flash: '已登記，謝謝您的付出！',
		keep: [[r1.locator('img[src^="/media/care/"]'), 1]]
	});
	const r2 = await noJs(browser, neighbour.username);
	await r2.goto(area);
	await walk.step(r2, '/c/[slug]/areas/[id=id] thank', () => r2.getByRole('button', { name: '謝謝！' }).click(), { flash: '已送出感謝。', shows: r2.getByText('您已感謝') });
	await committee.goto(area);
	await walk.step(committee, '/c/[slug]/areas/[id=id] check', () => committee.getByRole('button', { name: '核實' }).click(), { flash: '已核實。', shows: committee.getByText('居委會已核實') });
	await committee.locator('summary', { hasText: '退回' }).click();
	await committee.getByLabel('原因', { exact: true }).fill('照片與區域不符。');
	await walk.step(committee, '/c/[slug]/areas/[id=id] reject', () => committee.getByRole('button', { name: '退回', exact: true }).click(), {
		flash: '已退回這條紀錄。',
		shows: committee.getByText('照片與區域不符。')
	});
	// …and gives it up.
	await r1.goto(area);
	await walk.step(r1, '/c/[slug]/areas/[id=id] release', () => r1.getByRole('button', { name: '放棄認領' }).click(), {
		flash: '已放棄認領，區域重新開放。',
		keep: [[r1.getByRole('button', { name: '認領這個區域' }), 1]]
	});

	// An overdue claim is nudged by a neighbour; one near its term's end is renewed, then revoked by the committee.
	const overdue = newArea(`Walk ${tag} 車棚`);
	passTime(newClaim(overdue, holder.username, { daysAgo: 0 }), 35);
	await r2.goto(`/c/jinwei/areas/${overdue}`);
	await walk.step(r2, '/c/[slug]/areas/[id=id] nudge', () => r2.getByRole('button', { name: '提醒一下' }).click(), {
		flash: '已提醒認領人。',
		shows: r2.getByText('本週已有人提醒')
	});
	// The committee asks the neighbours to rate the upkeep of that term; a neighbour rates it with a comment,
	// which the committee hides and shows again.
	await committee.goto(`/c/jinwei/areas/${overdue}`);
	await walk.step(committee, '/c/[slug]/areas/[id=id] openRating', () => committee.getByRole('button', { name: '請鄰居評價這一期的打理' }).click(), {
		flash: '已請這片區域的鄰居評價這一期的打理，30 天內可以評價。',
		keep: [[committee.getByRole('button', { name: '請鄰居評價這一期的打理' }), 0]]
	});
	await rateAndModerate(walk, '/c/[slug]/areas/[id=id]', r2, committee, `/c/jinwei/areas/${overdue}`, `走訪打理留言 ${tag}`);
	const ending = newArea(`Walk ${tag} 花壇`);
	newClaim(ending, holder.username, { daysAgo: 20, termDays: 30 });
	await r1.goto(`/c/jinwei/areas/${ending}`);
	await walk.step(r1, '/c/[slug]/areas/[id=id] renew', () => r1.getByRole('button', { name: '續期' }).click(), {
		flash: '已續期，謝謝您繼續維護！',
		shows: r1.getByText('已續期', { exact: true })
	});
	await committee.goto(`/c/jinwei/areas/${ending}`);
	await committee.locator('summary', { hasText: '撤銷認領' }).click();
	await committee.getByLabel('撤銷原因（認領人會看到）').fill('花壇將改建，暫停認領。');
	await walk.step(committee, '/c/[slug]/areas/[id=id] revoke', () => committee.getByRole('button', { name: '撤銷認領', exact: true }).click(), {
		flash: '已撤銷認領。',
		shows: committee.getByText('花壇將改建，暫停認領。')
	});
	// A claim waiting for approval is approved; an area is retired.
	const waiting = newArea(`Walk ${tag} 樓道`);
	newClaim(waiting, neighbour.username, { daysAgo: 1, pending: true });
	await committee.goto(`/c/jinwei/areas/${waiting}`);
	await walk.step(committee, '/c/[slug]/areas/[id=id] review', () => committee.getByRole('button', { name: '通過', exact: true }).click(), {
		flash: '已通過認領。',
		shows: committee.getByText('維護中')
	});
	await committee.goto(`/c/jinwei/areas/${ending}`);
	await committee.getByLabel('停用原因').fill('花壇改建為無障礙坡道。');
	await walk.step(committee, '/c/[slug]/areas/[id=id] retire', () => committee.getByRole('button', { name: '停用區域' }).click(), {
		flash: '區域已停用。',
		shows: committee.getByText('這個區域已停用，不再接受認領。')
	});

	// Volunteer teams: started by a resident, approved, joined and left by a neighbour.
	const team = `Walk${tag}隊`;
	await r1.goto('/c/jinwei/areas/teams');
	await r1.getByLabel('隊名').fill(team);
	await walk.step(r1, '/c/[slug]/areas/teams create', () => r1.getByRole('button', { name: '成立', exact: true }).click(), {
		flash: '已成立，等待居委會審核。',
		shows: r1.getByRole('heading', { name: team })
	});
	const item = (page: Page) => page.locator('li').filter({ has: page.getByRole('heading', { name: team }) });
	await committee.goto('/c/jinwei/areas/teams');
	await walk.step(committee, '/c/[slug]/areas/teams review', () => item(committee).getByRole('button', { name: '通過', exact: true }).click(), { flash: '志願隊已通過。' });
	await r2.goto('/c/jinwei/areas/teams');
	await walk.step(r2, '/c/[slug]/areas/teams join', () => item(r2).getByRole('button', { name: '加入' }).click(), { flash: '已加入志願隊。', keep: [[item(r2).getByRole('button', { name: '退出' }), 1]] });
	await walk.step(r2, '/c/[slug]/areas/teams leave', () => item(r2).getByRole('button', { name: '退出' }).click(), { flash: '已退出志願隊。', keep: [[item(r2).getByRole('button', { name: '退出' }), 0]] });
	await expect(item(r2).getByRole('button', { name: '加入' })).toBeVisible();

	for (const page of [committee, r1, r2]) await page.context().close();
	walk.done();
}
