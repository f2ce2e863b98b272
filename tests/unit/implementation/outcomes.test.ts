import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world';
import { fixture, publishedMenu, useTempUploads } from './fixture';
import { acceptProject, addSpendingLine, postProgress } from '../../../src/lib/server/menus/implementation/commands';
import { communityOutcomes, OUTCOME_PHOTOS } from '../../../src/lib/server/menus/implementation/outcomes';
import { menuImplementation } from '../../../src/lib/server/menus/implementation/queries';
import { DAY } from '../../../src/lib/server/db/time';
import { projectAt } from '../menus/helpers';

useTempUploads();
const png = () => ({ name: 'p.png', bytes: fixture('photo.png') });

describe('成果公開', () => {
	it('shows what each published menu chose, progress, planned vs actual, acceptance and the newest photos', async () => {
		const w = demoWorld();
		const menu = publishedMenu(w);
		publishedMenu(w, { published: false, title: '還在投票的菜單' });
		publishedMenu(w, { source: 'pabulib', title: 'Assen 2024（重演）' });
		publishedMenu(w, { community: 'fenghuangshan', title: '鳳凰山的菜單' });
		const street = w.actor('street');
		const lighting = projectAt(w.db, menu.projects.a);
		await postProgress(w.db, street, lighting, { percent: 40, body: '開始施工', photos: [png(), png()] }, w.now - 3 * DAY);
		await postProgress(w.db, street, lighting, { percent: 100, body: '全部燈具已換好', photos: [png(), png(), png()] }, w.now - 2 * DAY);
		addSpendingLine(w.db, street, lighting, { item: '燈具', planned: 80000, actual: 78000 }, w.now);
		addSpendingLine(w.db, street, lighting, { item: '人工', planned: 40000, actual: '' }, w.now);
		addSpendingLine(w.db, street, projectAt(w.db, menu.projects.b), { item: '座椅', planned: 40000, actual: 41000 }, w.now);
		acceptProject(w.db, w.actor('committee1'), lighting, { remarks: '合格', representatives: '王秀英' }, w.now - DAY);

		const out = communityOutcomes(w.db, w.ids.community.jinwei);
		expect(out.menus.map((m) => m.title)).toEqual(['2026 年金韋社區民生微實事']);
		const [m] = out.menus;
		expect(m.projects.map((p) => p.title)).toEqual(['韋園新村樓道照明改造', '金韋花園長者休憩座椅', '社區兒童閱讀角']);
		expect(m).toMatchObject({ chosenCost: 22_000_000, planned: 16_000_000, actual: 11_900_000, accepted: 1 });
		const a = m.projects[0];
		expect(a).toMatchObject({ state: 'accepted', percent: 100, readyForRating: true, latest: { body: '全部燈具已換好' } });
		expect(a.acceptance).toEqual({ remarks: '合格', representatives: ['王秀英'] });
		expect(a.photos).toHaveLength(OUTCOME_PHOTOS);
		expect(m.projects[2]).toMatchObject({ state: 'not_started', latest: null, photos: [], acceptance: null });
		expect(out.totals).toEqual({ chosen: 3, accepted: 1, planned: 16_000_000, actual: 11_900_000 });
	});

	it('is empty for a community with no published menu', () => {
		const w = demoWorld();
		expect(communityOutcomes(w.db, w.ids.community.shuangshui)).toMatchObject({ menus: [], totals: { chosen: 0, accepted: 0, planned: 0, actual: 0 } });
	});

	it("a menu's implementation list shows only its selected projects, and only in its own community", () => {
		const w = demoWorld();
		const menu = publishedMenu(w);
		expect(menuImplementation(w.db, w.ids.community.jinwei, menu.menuId)!.projects.map((p) => p.id)).toEqual([menu.projects.a, menu.projects.b, menu.projects.c]);
		expect(menuImplementation(w.db, w.ids.community.fenghuangshan, menu.menuId)).toBeNull();
	});
});
