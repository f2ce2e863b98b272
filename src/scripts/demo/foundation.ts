// The demo street: 屏襄門街道 with three communities, grids, and an account for every role.
import type { Db } from '../../lib/server/db/client';
import { streets, communities, departments, grids } from '../../lib/server/org/schema';
import { users } from '../../lib/server/auth/schema';
import { memberships, scopeKeyOf, type Role } from '../../lib/server/residency/schema';
import { writeAudit } from '../../lib/server/audit/log';
import { DAY } from '../../lib/server/db/time';

export type DemoIds = {
	streetId: number;
	community: Record<'jinwei' | 'fenghuangshan' | 'shuangshui', number>;
	grids: Record<string, number[]>;
	user: Record<string, number>;
	department: Record<string, number>;
};

/** The street's departments (職能部門): where reports are dispatched. */
const DEPARTMENTS = [
	{ name: '城管執法隊', contact: '街道辦一樓 · 0755-2601 1200' },
	{ name: '市政維護中心', contact: '市政熱線 0755-2601 3300' },
	{ name: '住建局', contact: '區住建局屏襄門工作站 · 0755-2601 4400' }
] as const;

const COMMUNITIES = [
	{ slug: 'jinwei', name: '金韋社區', description: '金韋社區位於屏襄門街道東部，轄金韋花園、韋園新村等 6 個小區，約 4,200 戶。', grids: ['第一網格（金韋花園）', '第二網格（韋園新村）', '第三網格（金韋商業街）'] },
	{ slug: 'fenghuangshan', name: '鳳凰山社區', description: '鳳凰山社區依山而建，老舊小區多，長者比例高，正推進加裝電梯和適老化改造。', grids: ['第一網格（鳳凰苑）', '第二網格（山腳新村）'] },
	{ slug: 'shuangshui', name: '雙水社區', description: '雙水社區以新建商品房為主，年輕家庭多，關注托育、停車和社區活動空間。', grids: ['第一網格（雙水灣）', '第二網格（水岸花城）'] }
] as const;

type Person = {
	username: string;
	name: string;
	role?: Role;
	where?: 'jinwei' | 'fenghuangshan' | 'street' | 'site';
	home?: [string, string, string];
	grid?: number;
	department?: string;
	pending?: boolean;
	/** A grid worker who also lives in the community: a verified residency beside the appointment. */
	livesThere?: boolean;
};

const PEOPLE: Person[] = [
	{ username: 'admin', name: '系統管理員', role: 'admin', where: 'site' },
	{ username: 'street', name: '周振華（街道辦）', role: 'street_staff', where: 'street' },
	{ username: 'committee1', name: '林淑芬（金韋居委會）', role: 'committee', where: 'jinwei' },
	{ username: 'committee2', name: '黃國強（鳳凰山居委會）', role: 'committee', where: 'fenghuangshan' },
	{ username: 'grid1', name: '陳志明（網格員）', role: 'grid_worker', where: 'jinwei', grid: 0, home: ['金韋花園', '1', '1-101'], livesThere: true },
	{ username: 'dept1', name: '城管執法隊', role: 'department', where: 'street', department: '城管執法隊' },
	{ username: 'resident1', name: '王秀英', role: 'resident', where: 'jinwei', home: ['金韋花園', '3', '1-502'], grid: 0 },
	{ username: 'resident2', name: '李建國', role: 'resident', where: 'jinwei', home: ['金韋花園', '5', '2-301'], grid: 0 },
	{ username: 'resident3', name: '張麗華', role: 'resident', where: 'jinwei', home: ['韋園新村', '12', '1-101'], grid: 1 },
	{ username: 'resident4', name: '劉偉', role: 'resident', where: 'jinwei', home: ['韋園新村', '8', '3-602'], grid: 1 },
	{ username: 'resident5', name: '陳美玲', role: 'resident', where: 'jinwei', home: ['金韋花園', '7', '1-1203'], grid: 0 },
	{ username: 'resident6', name: '楊志強', role: 'resident', where: 'jinwei', home: ['金韋商業街', '2', '4-201'], grid: 2 },
	{ username: 'resident7', name: '趙桂蘭', role: 'resident', where: 'jinwei', home: ['韋園新村', '3', '2-402'], grid: 1 },
	{ username: 'resident8', name: '吳俊傑', role: 'resident', where: 'jinwei', home: ['金韋花園', '9', '2-801'], grid: 0 },
	{ username: 'resident9', name: '鄭玉珍', role: 'resident', where: 'fenghuangshan', home: ['鳳凰苑', '6', '1-301'], grid: 0 },
	{ username: 'newcomer', name: '孫小雨', role: 'resident', where: 'jinwei', home: ['韋園新村', '15', '1-702'], grid: 1, pending: true }
];

export function seedFoundation(db: Db, passwordHash: string, now: number): DemoIds {
	return db.transaction((tx) => {
		const created = now - 120 * DAY;
		const street = tx.insert(streets).values({ slug: 'pingxiangmen', name: '屏襄門街道', createdAt: created }).returning().get();
		const ids: DemoIds = { streetId: street.id, community: {} as DemoIds['community'], grids: {}, user: {}, department: {} };
		for (const d of DEPARTMENTS) ids.department[d.name] = tx.insert(departments).values({ streetId: street.id, name: d.name, contact: d.contact, createdAt: created }).returning().get().id;
		for (const c of COMMUNITIES) {
			const row = tx.insert(communities).values({ streetId: street.id, slug: c.slug, name: c.name, description: c.description, createdAt: created }).returning().get();
			ids.community[c.slug] = row.id;
			ids.grids[c.slug] = c.grids.map((name) => tx.insert(grids).values({ communityId: row.id, name, createdAt: created }).returning().get().id);
		}
		const created_ = PEOPLE.map((p, i) => {
			const user = tx.insert(users).values({ username: p.username, displayName: p.name, passwordHash, createdAt: created + i * DAY }).returning().get();
			ids.user[p.username] = user.id;
			return { p, userId: user.id, at: created + (i + 2) * DAY };
		});
		// Who granted each membership, as it would have happened: the admin appoints street staff, the street
		// appoints committees, grid workers and departments, each committee verifies its residents.
		const granter = (p: Person) =>
			p.role === 'street_staff' ? ids.user.admin : p.role === 'resident' ? ids.user[p.where === 'jinwei' ? 'committee1' : 'committee2'] : ids.user.street;
		for (const { p, userId, at } of created_) {
			if (!p.role || !p.where) continue;
			const communityId = p.where === 'jinwei' || p.where === 'fenghuangshan' ? ids.community[p.where] : null;
			const streetId = p.where === 'site' ? null : street.id;
			const by = p.pending ? null : granter(p);
			const m = tx
				.insert(memberships)
				.values({
					userId,
					role: p.role,
					status: p.pending ? 'pending' : 'verified',
					communityId,
					streetId,
					scopeKey: scopeKeyOf({ communityId, streetId }),
					gridId: communityId && p.grid !== undefined ? ids.grids[p.where][p.grid] : null,
					compound: p.role === 'resident' ? (p.home?.[0] ?? null) : null,
					building: p.role === 'resident' ? (p.home?.[1] ?? null) : null,
					unit: p.role === 'resident' ? (p.home?.[2] ?? null) : null,
					departmentId: p.department ? ids.department[p.department] : null,
					decidedBy: by,
					decidedAt: p.pending ? null : at + DAY,
					createdAt: p.pending ? now - 2 * DAY : at
				})
				.returning()
				.get();
			if (p.livesThere && communityId) {
				tx.insert(memberships)
					.values({ userId, role: 'resident', status: 'verified', communityId, streetId, scopeKey: scopeKeyOf({ communityId, streetId }), gridId: ids.grids[p.where as 'jinwei'][p.grid ?? 0], compound: p.home?.[0] ?? null, building: p.home?.[1] ?? null, unit: p.home?.[2] ?? null, decidedBy: ids.user[p.where === 'jinwei' ? 'committee1' : 'committee2'], decidedAt: at + DAY, createdAt: at })
					.run();
			}
			if (p.role === 'admin') continue;
			const entry = { subjectType: 'membership', subjectId: m.id, communityId, streetId };
			if (p.role === 'resident') {
				writeAudit(tx, { userId, ip: null }, { ...entry, action: 'residency.apply', summary: { compound: p.home?.[0], building: p.home?.[1], unit: p.home?.[2] } }, p.pending ? now - 2 * DAY : at);
				if (by) writeAudit(tx, { userId: by, ip: null }, { ...entry, action: 'residency.review', summary: { applicant: userId, decision: 'verify' } }, at + DAY);
			} else if (by) {
				const action = p.role === 'street_staff' ? 'residency.appoint_street_staff' : p.role === 'department' ? 'residency.appoint_department' : 'residency.appoint_community_staff';
				writeAudit(tx, { userId: by, ip: null }, { ...entry, action, summary: { user: p.username, role: p.role, department: p.department } }, at + DAY);
			}
		}
		return ids;
	});
}
