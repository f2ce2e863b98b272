// The organisation: the admin builds streets, communities and grids; street staff keep their street's departments
// (職能部門); each committee tunes its community. Declarations the kernel runs: load in scope → authorize → validate
// → one transaction with its audit row.
import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '../db/client';
import { defineCommand } from '../kernel/command';
import { err, ok, type Result } from '../result';
import { communities, departments, grids, streets } from './schema';
import { communitySchema, communitySettingsSchema, departmentSchema, gridSchema, renameGridSchema, streetSchema, updateCommunitySchema, updateStreetSchema } from './validation';
import {
	communitySubject,
	departmentSubject,
	gridSubject,
	loadCommunity,
	loadDepartment,
	loadGrid,
	loadSite,
	loadStreet,
	streetSubject
} from './records';

/**
 * One write that a unique index may refuse (a slug or a name already used), as a message beside its field.
 * Only that statement is undone by SQLite; the kernel then rolls back the rest, since the result is an error.
 */
function uniquely<T>(field: string, key: string, write: () => T): Result<T> {
	try {
		return ok(write());
	} catch (e) {
		if (isUniqueViolation(e)) return err('invalid', { fields: { [field]: key } });
		throw e;
	}
}

const onSite = { load: loadSite, subject: () => ({}) };
const onStreet = { load: loadStreet, subject: streetSubject };
const onCommunity = { load: loadCommunity, subject: communitySubject };

// ── The admin's: streets, communities, grids ──────────────────────────────────────────────────────────────

export const createStreet = defineCommand({
	action: 'org.create_street',
	...onSite,
	input: streetSchema,
	run: ({ tx, input, now }) => uniquely('slug', 'err_slug_taken', () => tx.insert(streets).values({ ...input, createdAt: now }).returning({ id: streets.id }).get()),
	audit: ({ input }, row) => ({ subjectType: 'street', subjectId: row.id, summary: input })
});

export const updateStreet = defineCommand({
	action: 'org.update_street',
	...onStreet,
	input: updateStreetSchema,
	run: ({ tx, record, input }) => {
		tx.update(streets).set({ name: input.name }).where(eq(streets.id, record.id)).run();
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'street', subjectId: record.id, summary: { name: input.name } })
});

/** A new community of the street the form names. */
export const createCommunity = defineCommand({
	action: 'org.create_community',
	...onStreet,
	input: communitySchema,
	run: ({ tx, record: street, input, now }) =>
		uniquely('slug', 'err_slug_taken', () => tx.insert(communities).values({ ...input, streetId: street.id, createdAt: now }).returning({ id: communities.id }).get()),
	audit: ({ input }, row) => ({ subjectType: 'community', subjectId: row.id, summary: { slug: input.slug, name: input.name } })
});

export const updateCommunity = defineCommand({
	action: 'org.update_community',
	...onCommunity,
	input: updateCommunitySchema,
	run: ({ tx, record, input }) => {
		tx.update(communities).set(input).where(eq(communities.id, record.id)).run();
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'community', subjectId: record.id, summary: input })
});

export const createGrid = defineCommand({
	action: 'org.create_grid',
	...onCommunity,
	input: gridSchema,
	run: ({ tx, record: community, input, now }) =>
		uniquely('name', 'err_grid_name_taken', () => tx.insert(grids).values({ communityId: community.id, name: input.name, createdAt: now }).returning({ id: grids.id }).get()),
	audit: ({ input }, row) => ({ subjectType: 'grid', subjectId: row.id, summary: { name: input.name } })
});

export const renameGrid = defineCommand({
	action: 'org.rename_grid',
	load: loadGrid,
	subject: gridSubject,
	input: renameGridSchema,
	run: ({ tx, record: { grid }, input }) => {
		const written = uniquely('name', 'err_grid_name_taken', () => tx.update(grids).set({ name: input.name }).where(eq(grids.id, grid.id)).run());
		return written.ok ? ok(null) : written;
	},
	audit: ({ record: { grid }, input }) => ({ subjectType: 'grid', subjectId: grid.id, summary: { from: grid.name, name: input.name } })
});

// ── The committee's: its community's thresholds ───────────────────────────────────────────────────────────

/** The committee tunes its community: second threshold, response days, report threshold. */
export const updateCommunitySettings = defineCommand({
	action: 'community.settings',
	...onCommunity,
	input: communitySettingsSchema,
	run: ({ tx, record, input }) => {
		tx.update(communities).set(input).where(eq(communities.id, record.id)).run();
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'community', subjectId: record.id, summary: input })
});

// ── Street staff's: the departments (職能部門) reports are dispatched to ──────────────────────────────────

/** A department of the street, by a name no other department of the street has. */
export const createDepartment = defineCommand({
	action: 'department.create',
	...onStreet,
	input: departmentSchema,
	run: ({ tx, record: street, input, now }) =>
		uniquely('name', 'err_department_name_taken', () =>
			tx.insert(departments).values({ streetId: street.id, name: input.name, contact: input.contact, createdAt: now }).returning({ id: departments.id }).get()
		),
	audit: ({ input }, row) => ({ subjectType: 'department', subjectId: row.id, summary: input })
});

/** Rename a department or change how to reach it; its accounts and dispatched reports stay with it. */
export const updateDepartment = defineCommand({
	action: 'department.update',
	load: loadDepartment,
	subject: departmentSubject,
	input: departmentSchema,
	run: ({ tx, record, input }) => {
		const written = uniquely('name', 'err_department_name_taken', () => tx.update(departments).set({ name: input.name, contact: input.contact }).where(eq(departments.id, record.id)).run());
		return written.ok ? ok(null) : written;
	},
	audit: ({ record, input }) => ({ subjectType: 'department', subjectId: record.id, summary: { ...input, from: record.name } })
});
