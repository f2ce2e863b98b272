// A street's evaluation period, or a version of its scheme, as commands and pages load them: within the street
// the URL names. A period key that is not a period of the scheme in force then names nothing.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { streets } from '../org/schema';
import { streetSubject, type StreetRecord } from '../org/records';
import { evaluationSnapshots } from './schema';
import { parsePeriod, type Period } from './periods';
import { periodAt, schemesOf, type Scheme } from './schemes';
import type { SnapshotRow } from './snapshot';

export type PeriodRecord = { street: StreetRecord; period: Period; scheme: Scheme; snapshot: SnapshotRow | null };
export type SchemeRecord = { street: StreetRecord; scheme: Scheme; schemes: Scheme[] };

/** The period `periodKey` of street `streetId`, with the scheme in force then and its snapshot if taken. */
export function loadPeriod(db: DbOrTx, target: { streetId: number; periodKey: string }): PeriodRecord | undefined {
	const parsed = parsePeriod(target.periodKey);
	if (!parsed) return undefined;
	const street = db.select().from(streets).where(eq(streets.id, target.streetId)).get();
	if (!street) return undefined;
	const at = periodAt(schemesOf(db, street.id), parsed.startsAt);
	if (!at || at.key !== parsed.key) return undefined;
	const { scheme, ...period } = at;
	const snapshot =
		db
			.select()
			.from(evaluationSnapshots)
			.where(and(eq(evaluationSnapshots.streetId, street.id), eq(evaluationSnapshots.periodKey, period.key)))
			.get() ?? null;
	return { street, period, scheme, snapshot };
}

/** Version `version` of the street's scheme, with every version (to check where a new start may fall). */
export function loadScheme(db: DbOrTx, target: { streetId: number; version: number }): SchemeRecord | undefined {
	const street = db.select().from(streets).where(eq(streets.id, target.streetId)).get();
	if (!street) return undefined;
	const schemes = schemesOf(db, street.id);
	const scheme = schemes.find((s) => s.version === target.version);
	return scheme ? { street, scheme, schemes } : undefined;
}

/** The street, with its scheme versions: where a new version is created. */
export function loadStreetSchemes(db: DbOrTx, target: { streetId: number }): { street: StreetRecord; schemes: Scheme[] } | undefined {
	const street = db.select().from(streets).where(eq(streets.id, target.streetId)).get();
	return street ? { street, schemes: schemesOf(db, street.id) } : undefined;
}

export const onStreet = <R extends { street: StreetRecord }>({ street }: R): Subject => streetSubject(street);
export const periodLink = (street: { slug: string }, key: string, tail = '') => `/street/${street.slug}/evaluations/${key}${tail}`;
