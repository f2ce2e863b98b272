// A value that changes whenever anything is committed to the database, by this connection or by any other
// (another server process, a script): SQLite's data_version counts the others' commits, total_changes() this
// connection's own rows written. Two tiny statements, kept prepared.
import type Database from 'better-sqlite3';

const readers = new WeakMap<Database.Database, () => string>();

export function dataVersion(sqlite: Database.Database): string {
	let read = readers.get(sqlite);
	if (!read) {
		const others = sqlite.prepare('PRAGMA data_version').pluck();
		const own = sqlite.prepare('SELECT total_changes()').pluck();
		read = () => `${others.get()}.${own.get()}`;
		readers.set(sqlite, read);
	}
	return read();
}
