// Streets and communities are read on every page (the switcher, the community in the URL) and change a few times
// a year. A process keeps them while org_version — raised by triggers in the transaction of any change, from any
// process — stays the same: one tiny statement per request instead of three joins.
import type Database from 'better-sqlite3';
import { clientOf, type Db } from '../db/client';
import { communityBySlug, listCommunities, listStreets, type Community } from './queries';

type Snapshot = {
	version: number;
	communities: ReturnType<typeof listCommunities>;
	streets: ReturnType<typeof listStreets>;
	/** Every community as the header's switcher names it (every page shows it). */
	switcher: readonly { slug: string; name: string; streetSlug: string }[];
	/** Filled as slugs are asked for (misses are not kept: any URL could be asked for). Frozen: shared by requests. */
	bySlug: Map<string, Readonly<Community>>;
};

const cached = new WeakMap<Db, { read: Database.Statement; snapshot: Snapshot | null }>();

function current(db: Db): Snapshot {
	let entry = cached.get(db);
	if (!entry) {
		entry = { read: clientOf(db).prepare('select version from org_version where id = 1').pluck(), snapshot: null };
		cached.set(db, entry);
	}
	const version = entry.read.get() as number;
	if (entry.snapshot?.version !== version) {
		const communities = listCommunities(db).map((c) => Object.freeze(c));
		const switcher = Object.freeze(communities.map((c) => Object.freeze({ slug: c.slug, name: c.name, streetSlug: c.streetSlug })));
		entry.snapshot = { version, communities, streets: listStreets(db).map((s) => Object.freeze(s)), switcher, bySlug: new Map() };
	}
	return entry.snapshot;
}

/** Every community with its street, as listCommunities returns them. */
export const cachedCommunities = (db: Db) => current(db).communities;

/** Every community as the header's switcher names it, made once per snapshot. */
export const cachedSwitcher = (db: Db) => current(db).switcher;

/** Every street, as listStreets returns them. */
export const cachedStreets = (db: Db) => current(db).streets;

/** The community a URL names, as communityBySlug returns it. */
export function cachedCommunity(db: Db, slug: string): Readonly<Community> | undefined {
	const snapshot = current(db);
	const known = snapshot.bySlug.get(slug);
	if (known) return known;
	const community = communityBySlug(db, slug);
	if (community) snapshot.bySlug.set(slug, Object.freeze(community));
	return community;
}
