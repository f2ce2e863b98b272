import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from './world';
import { communities } from '../../src/lib/server/org/schema';
import { auditLog } from '../../src/lib/server/audit/schema';
import { createCommunity, createGrid, createStreet, updateCommunitySettings } from '../../src/lib/server/org/commands';
import { auditScope, listAudit } from '../../src/lib/server/audit/queries';

describe('organisation', () => {
	it('the admin creates streets, communities and grids; slugs are unique and well formed', () => {
		const w = demoWorld();
		const admin = w.actor('admin');
		const street = createStreet(w.db, admin, { slug: 'dongmen', name: '東門街道' }, w.now);
		expect(street.ok).toBe(true);
		if (!street.ok) return;
		expect(createCommunity(w.db, admin, { streetId: street.value.id, slug: 'jinwei', name: '重複社區' }, w.now)).toMatchObject({ fields: { slug: 'err_slug_taken' } });
		expect(createCommunity(w.db, admin, { streetId: street.value.id, slug: 'Bad Slug', name: '新社區' }, w.now)).toMatchObject({ fields: { slug: 'err_slug_format' } });
		const c = createCommunity(w.db, admin, { streetId: street.value.id, slug: 'xinyuan', name: '新園社區' }, w.now);
		expect(c.ok).toBe(true);
		if (!c.ok) return;
		expect(createGrid(w.db, admin, { communityId: c.value.id, name: '第一網格' }, w.now).ok).toBe(true);
		expect(createGrid(w.db, admin, { communityId: c.value.id, name: '第一網格' }, w.now)).toMatchObject({ fields: { name: 'err_grid_name_taken' } });
	});

	it.each(['street', 'committee1', 'resident1'])('%s cannot change the organisation', (who) => {
		const w = demoWorld();
		expect(createStreet(w.db, w.actor(who), { slug: 'x-street', name: '某街道' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
	});

	it('the committee sets its own thresholds, not another community\'s', () => {
		const w = demoWorld();
		const settings = { secondThreshold: '5', responseDays: '7', reportHideThreshold: '3' };
		expect(updateCommunitySettings(w.db, w.actor('committee1'), w.ids.community.jinwei, settings, w.now).ok).toBe(true);
		expect(w.db.select().from(communities).where(eq(communities.id, w.ids.community.jinwei)).get()?.secondThreshold).toBe(5);
		expect(updateCommunitySettings(w.db, w.actor('committee1'), w.ids.community.fenghuangshan, settings, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(updateCommunitySettings(w.db, w.actor('committee1'), w.ids.community.jinwei, { ...settings, secondThreshold: '0' }, w.now)).toMatchObject({ fields: { secondThreshold: 'err_setting_range' } });
	});
});

describe('audit log', () => {
	it('committee members read their community, street staff their street, the admin everything', () => {
		const w = demoWorld();
		const settings = { secondThreshold: '6', responseDays: '7', reportHideThreshold: '3' };
		updateCommunitySettings(w.db, w.actor('committee2'), w.ids.community.fenghuangshan, settings, w.now);
		const seen = (who: string) => listAudit(w.db, auditScope(w.actor(who)) ?? undefined, { action: 'community.update_settings' }).length;
		expect(seen('committee2')).toBe(1);
		expect(seen('committee1')).toBe(0);
		expect(seen('street')).toBe(1);
		expect(seen('admin')).toBe(1);
		expect(auditScope(w.actor('resident1'))).toBeNull();
	});

	it('records who, what and when in the same transaction as the change', () => {
		const w = demoWorld();
		updateCommunitySettings(w.db, w.actor('committee1'), w.ids.community.jinwei, { secondThreshold: 'abc', responseDays: '7', reportHideThreshold: '3' }, w.now);
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'community.update_settings')).all()).toHaveLength(0);
		updateCommunitySettings(w.db, w.actor('committee1'), w.ids.community.jinwei, { secondThreshold: '8', responseDays: '7', reportHideThreshold: '3' }, w.now + 5);
		const row = w.db.select().from(auditLog).where(eq(auditLog.action, 'community.update_settings')).get()!;
		expect(row).toMatchObject({ actorId: w.ids.user.committee1, communityId: w.ids.community.jinwei, createdAt: w.now + 5, ip: '127.0.0.1' });
		expect(JSON.parse(row.summary)).toMatchObject({ secondThreshold: 8 });
	});
});
