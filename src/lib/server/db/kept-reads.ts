// Reads kept while the database is unchanged: the busiest lists are read again and again between two writes,
// and a read's answer cannot differ while SQLite's data version (data-version.ts: any commit by this connection
// or another process) is the same. So a kept answer is never stale, unlike a kept page (page-cache/), which may be
// a few seconds old; the page around it is still rendered for each request, for whoever asks.
//
// Only outside a transaction: a read inside one may see writes that are then rolled back, and total_changes()
// does not go back down.
import type Database from 'better-sqlite3';
import { dataVersion } from './data-version';

export class KeptReads<T> {
	private readonly kept = new Map<string, { version: string; value: T }>();
	constructor(private readonly max: number) {}

	/** The answer `read` gave for `key` while the data were as they are now, or a fresh one (then kept). */
	get(sqlite: Database.Database, key: string, read: () => T): T {
		const version = dataVersion(sqlite);
		const entry = this.kept.get(key);
		if (entry?.version === version) return entry.value;
		const value = read();
		// a Map keeps insertion order: the first key is the one written longest ago
		this.kept.delete(key);
		if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value!);
		this.kept.set(key, { version, value });
		return value;
	}

	get size() {
		return this.kept.size;
	}
}
