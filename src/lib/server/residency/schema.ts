import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities, grids, streets } from '../org/schema';

export const ROLES = ['resident', 'grid_worker', 'committee', 'street_staff', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const COMMUNITY_ROLES = ['resident', 'grid_worker', 'committee'] as const;
export const STREET_ROLES = ['street_staff', 'department'] as const;
export const MEMBERSHIP_STATUSES = ['pending', 'verified', 'rejected', 'revoked'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

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
		/** A department's name (職能部門), for department accounts. */
		department: text('department'),
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
		check(
			'memberships_scope_ck',
			sql`(${t.role} in ('resident','grid_worker','committee') and ${t.communityId} is not null and ${t.streetId} is not null)
			 or (${t.role} in ('street_staff','department') and ${t.communityId} is null and ${t.streetId} is not null)
			 or (${t.role} = 'admin' and ${t.communityId} is null and ${t.streetId} is null)`
		)
	]
);

export function scopeKeyOf(m: { communityId?: number | null; streetId?: number | null }): string {
	if (m.communityId) return `c:${m.communityId}`;
	if (m.streetId) return `s:${m.streetId}`;
	return 'site';
}
