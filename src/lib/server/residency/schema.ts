import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities, departments, grids, streets } from '../org/schema';
import { ROLES, rolesHeldIn } from '../policy';

export type { Role } from '../policy';
import { MEMBERSHIP_STATUSES } from '../../codes';
export { MEMBERSHIP_STATUSES, type MembershipStatus } from '../../codes';

const held = (scope: Parameters<typeof rolesHeldIn>[0]) => `role in (${rolesHeldIn(scope).map((r) => `'${r}'`).join(',')})`;
/** Community roles carry a community and its street; street roles a street; departments a street and a department; the admin nothing. */
const scopeCheck = `(${held('community')} and community_id is not null and street_id is not null)
 or (${held('street')} and community_id is null and street_id is not null)
 or (${held('department')} and community_id is null and street_id is not null and department_id is not null)
 or (${held('site')} and community_id is null and street_id is null)`;

/**
 * One person's standing somewhere: (user, community or street or site, role, status).
 * Community roles carry both community and its street; street roles only the street; admin neither.
 */
export const memberships = sqliteTable(
	'memberships',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
		streetId: integer('street_id').references(() => streets.id),
		communityId: integer('community_id').references(() => communities.id),
		gridId: integer('grid_id').references(() => grids.id),
		compound: text('compound'),
		building: text('building'),
		unit: text('unit'),
		/** The room (室、房號) as typed, optional. */
		room: text('room'),
		/** The department (職能部門) a department account works for. */
		departmentId: integer('department_id').references(() => departments.id),
		decisionReason: text('decision_reason'),
		decidedBy: integer('decided_by').references(() => users.id),
		decidedAt: integer('decided_at'),
		/** 'c:{communityId}', 's:{streetId}' or 'site': lets one unique index cover every scope. */
		scopeKey: text('scope_key').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		// One live (pending or verified) membership per person, place and role.
		uniqueIndex('memberships_live_uq')
			.on(t.userId, t.role, t.scopeKey)
			.where(sql`${t.status} in ('pending', 'verified')`),
		index('memberships_community_status_idx').on(t.communityId, t.status),
		index('memberships_user_idx').on(t.userId),
		check('memberships_scope_ck', sql.raw(scopeCheck))
	]
);

export function scopeKeyOf(m: { communityId?: number | null; streetId?: number | null }): string {
	if (m.communityId) return `c:${m.communityId}`;
	if (m.streetId) return `s:${m.streetId}`;
	return 'site';
}
