import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from './world';
import { communities, departments, grids, streets } from '../../src/lib/server/org/schema';
import { auditLog } from '../../src/lib/server/audit/schema';
import { createCommunity, createDepartment, createGrid, createStreet, renameGrid, updateCommunity, updateCommunitySettings, updateDepartment, updateStreet } from '../../src/lib/server/org/commands';
import { auditScope, listAudit } from '../../src/lib/server/audit/queries';

describe('organisation', () => {
	it('the admin creates streets, communities and grids; slugs are unique and well formed', () => {
		const w = demoWorld();
		const admin = w.actor('admin');
		const street = createStreet(w.db, admin, {}, { slug: 'dongmen', name: '東門街道' }, w.now);
		expect(street.ok).toBe(true);
		if (!street.ok) return;
		expect(createCommunity(w.db, admin, { streetId: street.value.id }, { slug: 'jinwei', name: '重複社區' }, w.now)).toMatchObject({ fields: { slug: 'err_slug_taken' } });
		expect(createCommunity(w.db, admin, { streetId: street.value.id }, { slug: 'Bad Slug', name: '新社區' }, w.now)).toMatchObject({ fields: { slug: 'err_slug_format' } });
		const c = createCommunity(w.db, admin, { streetId: street.value.id }, { slug: 'xinyuan', name: '新園社區' }, w.now);
		expect(c.ok).toBe(true);
		if (!c.ok) return;
		expect(createGrid(w.db, admin, { communityId: c.value.id }, { name: '第一網格' }, w.now).ok).toBe(true);
		expect(createGrid(w.db, admin, { communityId: c.value.id }, { name: '第一網格' }, w.now)).toMatchObject({ fields: { name: 'err_grid_name_taken' } });
	});

	it.each(['street', 'committee1', 'resident1'])('%s cannot change the organisation', (who) => {
		const w = demoWorld();
		expect(createStreet(w.db, w.actor(who), {}, { slug: 'x-street', name: '某街道' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
	});

	it('the committee sets its own thresholds, not another community\'s', () => {
		const w = demoWorld();
		const settings = { secondThreshold: '5', responseDays: '7', reportHideThreshold: '3' };
		expect(updateCommunitySettings(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, settings, w.now).ok).toBe(true);
		expect(w.db.select().from(communities).where(eq(communities.id, w.ids.community.jinwei)).get()?.secondThreshold).toBe(5);
		expect(updateCommunitySettings(w.db, w.actor('committee1'), { communityId: w.ids.community.fenghuangshan }, settings, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(updateCommunitySettings(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { ...settings, secondThreshold: '0' }, w.now)).toMatchObject({ fields: { secondThreshold: 'err_setting_range' } });
	});
});

describe('the admin edits what exists', () => {
	it('renames a street, a community and a grid; a grid name stays unique in its community', () => {
		const w = demoWorld();
		const admin = w.actor('admin');
		expect(updateStreet(w.db, admin, { streetId: w.ids.streetId }, { name: '屏襄門新街道' }, w.now).ok).toBe(true);
		expect(w.db.select().from(streets).where(eq(streets.id, w.ids.streetId)).get()?.name).toBe('屏襄門新街道');
		expect(updateCommunity(w.db, admin, { communityId: w.ids.community.shuangshui }, { name: '雙水新社區', description: '新的簡介' }, w.now).ok).toBe(true);
		expect(w.db.select().from(communities).where(eq(communities.id, w.ids.community.shuangshui)).get()).toMatchObject({ name: '雙水新社區', description: '新的簡介' });
		const [first, second] = w.ids.grids.jinwei;
		const taken = w.db.select().from(grids).where(eq(grids.id, second)).get()!.name;
		expect(renameGrid(w.db, admin, { id: first }, { name: taken }, w.now)).toEqual({ ok: false, error: 'invalid', fields: { name: 'err_grid_name_taken' } });
		expect(renameGrid(w.db, admin, { id: first }, { name: '第一網格（改名）' }, w.now).ok).toBe(true);
		expect(renameGrid(w.db, admin, { id: 999_999 }, { name: '不存在的網格' }, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(updateStreet(w.db, w.actor('street'), { streetId: w.ids.streetId }, { name: '街道自己改名' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
	});
});

describe('departments', () => {
	it('street staff add a department by a name new to the street, and edit it', () => {
		const w = demoWorld();
		const street = w.actor('street');
		const at = { streetId: w.ids.streetId };
		const r = createDepartment(w.db, street, at, { name: '水務所', contact: '0755-2601 5500' }, w.now);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(createDepartment(w.db, street, at, { name: '城管執法隊' }, w.now)).toEqual({ ok: false, error: 'invalid', fields: { name: 'err_department_name_taken' } });
		expect(updateDepartment(w.db, street, { ...at, id: r.value.id }, { name: '住建局', contact: '' }, w.now)).toEqual({ ok: false, error: 'invalid', fields: { name: 'err_department_name_taken' } });
		expect(updateDepartment(w.db, street, { ...at, id: r.value.id }, { name: '水務所（東區）', contact: '0755-2601 5501' }, w.now).ok).toBe(true);
		expect(w.db.select().from(departments).where(eq(departments.id, r.value.id)).get()).toMatchObject({ name: '水務所（東區）', contact: '0755-2601 5501', streetId: w.ids.streetId });
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'department.update')).all()).toHaveLength(1);
	});

	it.each(['committee1', 'dept1', 'admin', 'resident1'])('%s may not add or edit departments', (who) => {
		const w = demoWorld();
		const at = { streetId: w.ids.streetId };
		expect(createDepartment(w.db, w.actor(who), at, { name: '水務所' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(updateDepartment(w.db, w.actor(who), { ...at, id: w.ids.department['城管執法隊'] }, { name: '改名' + who }, w.now)).toEqual({ ok: false, error: 'forbidden' });
	});

	it('a department of another street is not found', () => {
		const w = demoWorld();
		const other = createStreet(w.db, w.actor('admin'), {}, { slug: 'dongmen', name: '東門街道' }, w.now);
		if (!other.ok) throw new Error('setup');
		expect(updateDepartment(w.db, w.actor('street'), { streetId: other.value.id, id: w.ids.department['城管執法隊'] }, { name: '改名' }, w.now)).toEqual({ ok: false, error: 'not_found' });
	});
});

describe('audit log', () => {
	it('committee members read their community, street staff their street, the admin everything', () => {
		const w = demoWorld();
		const settings = { secondThreshold: '6', responseDays: '7', reportHideThreshold: '3' };
		updateCommunitySettings(w.db, w.actor('committee2'), { communityId: w.ids.community.fenghuangshan }, settings, w.now);
		const seen = (who: string) => listAudit(w.db, auditScope(w.actor(who)) ?? undefined, { action: 'community.settings' }).length;
		expect(seen('committee2')).toBe(1);
		expect(seen('committee1')).toBe(0);
		expect(seen('street')).toBe(1);
		expect(seen('admin')).toBe(1);
		expect(auditScope(w.actor('resident1'))).toBeNull();
	});

	it('records who, what and when in the same transaction as the change', () => {
		const w = demoWorld();
		updateCommunitySettings(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { secondThreshold: 'abc', responseDays: '7', reportHideThreshold: '3' }, w.now);
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'community.settings')).all()).toHaveLength(0);
		updateCommunitySettings(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { secondThreshold: '8', responseDays: '7', reportHideThreshold: '3' }, w.now + 5);
		const row = w.db.select().from(auditLog).where(eq(auditLog.action, 'community.settings')).get()!;
		expect(row).toMatchObject({ actorId: w.ids.user.committee1, communityId: w.ids.community.jinwei, createdAt: w.now + 5, ip: '127.0.0.1' });
		expect(JSON.parse(row.summary)).toMatchObject({ secondThreshold: 8 });
	});
});
