import { beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq, sql } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { fixture, publishedMenu, storedFiles, useTempUploads } from './fixture';
import { menuProjects } from '../../../src/lib/server/menus/schema';
import { projectAcceptances, projectPhotos, projectSpending, projectUpdates } from '../../../src/lib/server/menus/implementation/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { acceptProject, addSpendingLine, editSpendingLine, postProgress } from '../../../src/lib/server/menus/implementation/commands';
import { projectImplementation } from '../../../src/lib/server/menus/implementation/queries';
import { loadProject } from '../../../src/lib/server/menus/records';
import type { PhotoUpload } from '../../../src/lib/server/media/photos';
import { projectAt } from '../menus/helpers';
import { readPhoto as readStored } from '../../../src/lib/server/media/storage';
const readPhoto = (name: string) => readStored('projects', name);
import { getTableConfig } from 'drizzle-orm/sqlite-core';

useTempUploads();

const png = () => ({ name: 'site.png', bytes: fixture('photo.png') });

/** What the project page shows. */
const pageOf = (projectId: number) => projectImplementation(w.db, loadProject(w.db, at(projectId))!);

function project(w: World, id: number) {
	return w.db.select().from(menuProjects).where(eq(menuProjects.id, id)).get()!;
}

let w: World;
let menu: ReturnType<typeof publishedMenu>;
beforeEach(() => {
	w = demoWorld();
	menu = publishedMenu(w);
});

/** The project page of `projectId`, on its own menu in its own community. */
const at = (projectId: number) => projectAt(w.db, projectId);
const update = (percent: number | string, photos: PhotoUpload[] = [], body = '已完成樓道線路勘察，下週開始施工。') => ({ percent, body, photos });
const acceptance = () => ({
	remarks: '燈具安裝到位，感應正常；樓道 3 單元有一盞需更換，施工方已承諾一週內完成。',
	representatives: '王秀英\n李建國、張麗華'
});

describe('progress updates', () => {
	it('moves the project not started → in progress → completed, and keeps the timeline', async () => {
		expect(project(w, menu.projects.a).implementationState).toBe('not_started');
		const first = await postProgress(w.db, w.actor('street'), at(menu.projects.a), update('30'), w.now);
		expect(first).toMatchObject({ ok: true, value: { state: 'in_progress', photos: 0 } });
		expect(project(w, menu.projects.a)).toMatchObject({ implementationState: 'in_progress', progressPercent: 30 });
		const done = await postProgress(w.db, w.actor('street'), at(menu.projects.a), update('100', [], '全部完工'), w.now + 1000);
		expect(done).toMatchObject({ ok: true, value: { state: 'completed' } });
		expect(project(w, menu.projects.a)).toMatchObject({ implementationState: 'completed', progressPercent: 100 });
		const page = pageOf(menu.projects.a);
		expect(page.updates.map((u) => u.percent)).toEqual([100, 30]);
		expect(page.updates[0].author).toBe('周振華（街道辦）');
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'menu.post_progress')).all()).toHaveLength(2);
	});

	it('refuses a percent outside 0–100 or not a whole number, beside the field, writing nothing', async () => {
		for (const [percent, key] of [
			['101', 'err_impl_percent_range'],
			['-1', 'err_impl_percent_range'],
			['50.5', 'err_impl_percent_range'],
			['許多', 'err_number'],
			['', 'err_required']
		] as const) {
			expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(percent), w.now)).toEqual({
				ok: false,
				error: 'invalid',
				fields: { percent: key }
			});
		}
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(40, [], ''), w.now)).toMatchObject({ fields: { body: 'err_required' } });
		expect(w.db.select().from(projectUpdates).all()).toHaveLength(0);
		expect(project(w, menu.projects.a).implementationState).toBe('not_started');
	});

	it('stores JPEG, PNG and WebP under generated names with the type read from the bytes', async () => {
		const uploads = [
			{ name: '../../etc/passwd.png', bytes: fixture('photo.png') },
			{ name: 'IMG_0001.jpg', bytes: fixture('photo.jpg') },
			{ name: 'looks-like.jpg', bytes: fixture('photo.webp') }
		];
		const r = await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, uploads), w.now);
		expect(r).toMatchObject({ ok: true, value: { photos: 3 } });
		const rows = w.db.select().from(projectPhotos).orderBy(projectPhotos.position).all();
		expect(rows.map((p) => p.contentType)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
		expect(rows.every((p) => /^[0-9a-f]{32}\.(png|jpg|webp)$/.test(p.fileName))).toBe(true);
		expect(storedFiles().sort()).toEqual(rows.map((p) => p.fileName).sort());
		// what is stored is a new encoding of the picture, not the uploaded bytes
		const stored = readPhoto(rows[1].fileName)!;
		expect(new Uint8Array(stored)).not.toEqual(fixture('photo.jpg'));
		expect(await sharp(stored).metadata()).toMatchObject({ format: 'jpeg', width: 8, height: 8 });
		expect(rows[1].size).toBe(stored.length);
	});

	it('refuses a PNG header followed by HTML, and a 30000×30000 PNG, beside the field, storing nothing', async () => {
		const before = storedFiles().length;
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, [png(), { name: 'x.png', bytes: fixture('png-header-html.png') }]), w.now)).toEqual({
			ok: false,
			error: 'invalid',
			fields: { photos: 'err_photo_not_picture' }
		});
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, [{ name: 'big.png', bytes: fixture('huge-30000.png') }]), w.now)).toEqual({
			ok: false,
			error: 'invalid',
			fields: { photos: 'err_photo_too_many_pixels' }
		});
		expect(storedFiles()).toHaveLength(before);
		expect(w.db.select().from(projectUpdates).all()).toHaveLength(0);
	});

	it('stores a photo without its EXIF (no GPS position), turned upright', async () => {
		const photos = [{ name: 'gps.jpg', bytes: fixture('gps.jpg') }, { name: 'o6.jpg', bytes: fixture('orientation-6.jpg') }];
		const r = await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, photos), w.now);
		expect(r).toMatchObject({ ok: true, value: { photos: 2 } });
		const rows = w.db.select().from(projectPhotos).orderBy(projectPhotos.position).all();
		expect((await sharp(readPhoto(rows[0].fileName)!).metadata()).exif).toBeUndefined();
		expect(await sharp(readPhoto(rows[1].fileName)!).metadata()).toMatchObject({ width: 20, height: 40 });
	});

	it('refuses a text file named .jpg, and stores nothing', async () => {
		const before = storedFiles().length;
		const r = await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, [png(), { name: 'photo.jpg', bytes: fixture('fake.jpg') }]), w.now);
		expect(r).toEqual({ ok: false, error: 'invalid', fields: { photos: 'err_photo_type' } });
		expect(storedFiles()).toHaveLength(before);
		expect(w.db.select().from(projectUpdates).all()).toHaveLength(0);
	});

	it('refuses seven photos, and a photo over 5 MB', async () => {
		const seven = Array.from({ length: 7 }, png);
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, seven), w.now)).toMatchObject({ fields: { photos: 'err_photos_too_many' } });
		const huge = new Uint8Array(5 * 1024 * 1024 + 1);
		huge.set(fixture('photo.png'));
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, [{ name: 'big.png', bytes: huge }]), w.now)).toMatchObject({
			fields: { photos: 'err_photo_too_big' }
		});
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, Array.from({ length: 6 }, png)), w.now)).toMatchObject({ ok: true, value: { photos: 6 } });
	});

	it('an empty file input is no photo at all', async () => {
		const r = await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, [{ name: '', bytes: new Uint8Array(0) }]), w.now);
		expect(r).toMatchObject({ ok: true, value: { photos: 0 } });
	});

	it('removes the written photos when the transaction fails', async () => {
		const before = storedFiles().length;
		const table = getTableConfig(projectPhotos).name;
		w.db.run(sql.raw(`create trigger boom before insert on ${table} begin select raise(abort, 'disk said no'); end`));
		await expect(postProgress(w.db, w.actor('street'), at(menu.projects.a), update(20, [png(), png()]), w.now)).rejects.toThrow(/disk said no/);
		expect(storedFiles()).toHaveLength(before);
		expect(w.db.select().from(projectUpdates).all()).toHaveLength(0);
	});

	it('refuses updates on a project that was not selected, on an unpublished menu, and on a replayed election', async () => {
		const files = storedFiles().length;
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.d), update(10, [png()]), w.now)).toEqual({ ok: false, error: 'impl_not_selected' });
		const draft = publishedMenu(w, { published: false, title: '2027 年菜單' });
		expect(await postProgress(w.db, w.actor('street'), at(draft.projects.a), update(10), w.now)).toEqual({ ok: false, error: 'impl_not_selected' });
		const replay = publishedMenu(w, { source: 'pabulib', title: 'Assen 2024' });
		expect(await postProgress(w.db, w.actor('street'), at(replay.projects.a), update(10), w.now)).toEqual({ ok: false, error: 'impl_read_only' });
		expect(w.db.select().from(projectUpdates).all()).toHaveLength(0);
		expect(storedFiles()).toHaveLength(files);
	});

	it('a project named under another menu is not found', async () => {
		const other = publishedMenu(w, { title: '另一份菜單' });
		expect(await postProgress(w.db, w.actor('street'), { ...at(menu.projects.a), menuId: other.menuId }, update(10), w.now)).toEqual({ ok: false, error: 'not_found' });
	});
});

describe('spending lines', () => {
	const line = (planned: unknown, actual: unknown = '', item = 'LED 感應燈具 120 套') => ({ item, planned, actual });

	it('adds lines in yuan (to the fen, stored in fen) and totals planned against actual', async () => {
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('86,000', '84500.5'), w.now)).toMatchObject({ ok: true });
		const { actual: _notSent, ...withoutActual } = line('30000', '', '線路改造');
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), withoutActual, w.now)).toMatchObject({ ok: true });
		const page = pageOf(menu.projects.a);
		expect(page.spending.map((l) => [l.item, l.planned, l.actual])).toEqual([
			['LED 感應燈具 120 套', 8_600_000, 8_450_050],
			['線路改造', 3_000_000, null]
		]);
		expect(page.totals).toEqual({ planned: 11_600_000, actual: 8_450_050, linesWithoutActual: 1, difference: -149_950 });
	});

	it('refuses negative, fractional and non-numeric amounts, writing nothing', async () => {
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('-100'), w.now)).toMatchObject({ fields: { planned: 'err_money_negative' } });
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('100', '-5'), w.now)).toMatchObject({ fields: { actual: 'err_money_negative' } });
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('99.505'), w.now)).toMatchObject({ fields: { planned: 'err_money_decimals' } });
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('一萬'), w.now)).toMatchObject({ fields: { planned: 'err_money' } });
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line(''), w.now)).toMatchObject({ fields: { planned: 'err_required' } });
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('5', '', ''), w.now)).toMatchObject({ fields: { item: 'err_required' } });
		expect(w.db.select().from(projectSpending).all()).toHaveLength(0);
	});

	it('fills in the actual amount later; the audit row keeps the old figures', async () => {
		const added = addSpendingLine(w.db, w.actor('street'), at(menu.projects.a), line('30000'), w.now);
		if (!added.ok) throw new Error(added.error);
		const edit = { ...line('30000', '31200'), lineId: added.value.lineId };
		expect(editSpendingLine(w.db, w.actor('street'), at(menu.projects.a), edit, w.now + 1)).toMatchObject({ ok: true });
		expect(w.db.select().from(projectSpending).get()).toMatchObject({ planned: 3_000_000, actual: 3_120_000, updatedAt: w.now + 1 });
		const audit = w.db.select().from(auditLog).where(eq(auditLog.action, 'menu.edit_spending')).get()!;
		expect(JSON.parse(audit.summary)).toMatchObject({ before: { actual: null }, after: { actual: 3_120_000 } });
		expect(editSpendingLine(w.db, w.actor('street'), at(menu.projects.b), edit, w.now)).toEqual({ ok: false, error: 'not_found' });
	});

	it('refuses spending on a project that was not selected', async () => {
		expect(addSpendingLine(w.db, w.actor('street'), at(menu.projects.d), line('100'), w.now)).toEqual({ ok: false, error: 'impl_not_selected' });
	});
});

describe('acceptance (驗收)', () => {
	async function complete(projectId: number) {
		const r = await postProgress(w.db, w.actor('street'), at(projectId), update(100, [], '全部完工，等待驗收'), w.now);
		expect(r.ok).toBe(true);
	}

	it('needs the works completed first', async () => {
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), acceptance(), w.now)).toEqual({ ok: false, error: 'impl_not_completed' });
		await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(60), w.now);
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), acceptance(), w.now)).toEqual({ ok: false, error: 'impl_not_completed' });
	});

	it('records remarks and representatives; the project is accepted and ready to be rated', async () => {
		await complete(menu.projects.a);
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), acceptance(), w.now + 5)).toMatchObject({ ok: true, value: { acceptedAt: w.now + 5 } });
		const page = pageOf(menu.projects.a);
		expect(page.project).toMatchObject({ state: 'accepted', acceptedAt: w.now + 5, readyForRating: true });
		expect(page.acceptance).toMatchObject({ representatives: ['王秀英', '李建國', '張麗華'], acceptedBy: '林淑芬（金韋居委會）' });
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'menu.accept_project')).all()).toHaveLength(1);
	});

	it('twice is a conflict, and no further updates are taken', async () => {
		await complete(menu.projects.a);
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), acceptance(), w.now).ok).toBe(true);
		expect(acceptProject(w.db, w.actor('street'), at(menu.projects.a), acceptance(), w.now)).toEqual({ ok: false, error: 'impl_already_accepted' });
		expect(await postProgress(w.db, w.actor('street'), at(menu.projects.a), update(90, [png()]), w.now)).toEqual({ ok: false, error: 'impl_already_accepted' });
		expect(w.db.select().from(projectAcceptances).all()).toHaveLength(1);
	});

	it('a race of two acceptances ends in one row and a clean conflict', async () => {
		await complete(menu.projects.a);
		// The second request read the project as completed before the first committed.
		w.db.insert(projectAcceptances).values({ projectId: menu.projects.a, remarks: 'x', representatives: '["x"]', createdAt: w.now }).run();
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), acceptance(), w.now)).toEqual({ ok: false, error: 'impl_already_accepted' });
		expect(project(w, menu.projects.a).implementationState).toBe('completed');
		expect(w.db.select().from(projectAcceptances).all()).toHaveLength(1);
	});

	it('needs the names of the resident representatives', async () => {
		await complete(menu.projects.a);
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), { ...acceptance(), representatives: ' \n、 ' }, w.now)).toMatchObject({
			fields: { representatives: 'err_impl_representatives_required' }
		});
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.a), { ...acceptance(), remarks: '' }, w.now)).toMatchObject({ fields: { remarks: 'err_required' } });
		expect(project(w, menu.projects.a).implementationState).toBe('completed');
	});

	it('tells everyone who voted for the project, and nobody else', async () => {
		await complete(menu.projects.b);
		expect(acceptProject(w.db, w.actor('committee1'), at(menu.projects.b), acceptance(), w.now)).toMatchObject({ ok: true, value: { notified: 2 } });
		const told = w.db.select().from(notifications).where(eq(notifications.kind, 'impl_accepted')).all();
		expect(told.map((n) => n.userId).sort()).toEqual([w.ids.user.resident1, w.ids.user.resident6].sort());
		expect(told[0].link).toBe(`/c/jinwei/menus/${menu.menuId}/projects/${menu.projects.b}`);
		expect(JSON.parse(told[0].params)).toEqual({ project: '金韋花園長者休憩座椅', community: '金韋社區' });
	});
});

describe('who may do what', () => {
	const ROLES: [string | null, { progress: boolean; spending: boolean; accept: boolean }][] = [
		['resident1', { progress: false, spending: false, accept: false }], // resident of jinwei
		['resident9', { progress: false, spending: false, accept: false }], // resident of another community
		['committee1', { progress: false, spending: false, accept: true }], // committee of jinwei
		['committee2', { progress: false, spending: false, accept: false }], // committee of another community
		['street', { progress: true, spending: true, accept: true }],
		['dept1', { progress: false, spending: false, accept: false }],
		['grid1', { progress: false, spending: false, accept: false }],
		['newcomer', { progress: false, spending: false, accept: false }], // pending application
		[null, { progress: false, spending: false, accept: false }] // visitor
	];

	function rowsWritten(x: World) {
		return [projectUpdates, projectPhotos, projectSpending, projectAcceptances, auditLog, notifications].map((t) => x.db.select().from(t).all().length);
	}

	for (const [username, allowed] of ROLES) {
		const who = username ?? 'a visitor';
		it(`${who}: post progress ${allowed.progress ? 'allowed' : 'refused'}, spending ${allowed.spending ? 'allowed' : 'refused'}, acceptance ${allowed.accept ? 'allowed' : 'refused'}`, async () => {
			// the project is complete, so that acceptance is possible for whoever may do it
			expect((await postProgress(w.db, w.actor('street'), at(menu.projects.c), update(100), w.now)).ok).toBe(true);
			const actor = username ? w.actor(username) : null;
			const refusal = username ? 'forbidden' : 'unauthenticated';
			const attempts = {
				progress: () => postProgress(w.db, actor, at(menu.projects.a), update(10, [png()]), w.now),
				spending: () => addSpendingLine(w.db, actor, at(menu.projects.a), { item: '座椅', planned: '1000', actual: '' }, w.now),
				accept: () => acceptProject(w.db, actor, at(menu.projects.c), acceptance(), w.now)
			};
			for (const key of ['progress', 'spending', 'accept'] as const) {
				const files = storedFiles().length;
				const before = rowsWritten(w);
				const r = await attempts[key]();
				if (allowed[key]) {
					expect(r.ok, `${who} ${key}`).toBe(true);
				} else {
					expect(r, `${who} ${key}`).toEqual({ ok: false, error: refusal });
					expect(rowsWritten(w), `${who} ${key} wrote nothing`).toEqual(before);
					expect(storedFiles()).toHaveLength(files);
				}
			}
			const state = w.db.select().from(menuProjects).where(and(eq(menuProjects.id, menu.projects.c))).get()!.implementationState;
			expect(state).toBe(allowed.accept ? 'accepted' : 'completed');
		});
	}
});
