// A value that changes whenever anything is committed to the database, by this connection or by any other
// (another server process, a script): SQLite's data_version counts the others' commits, total_changes() this
// connection's own rows written, less those written unnoticed (writeUnnoticed). Two tiny statements, kept prepared.
import type Database from 'better-sqlite3';

type Reader = { others: Database.Statement; own: Database.Statement; unnoticed: number };
const readers = new WeakMap<Database.Database, Reader>();

function readerOf(sqlite: Database.Database): Reader {
	let reader = readers.get(sqlite);
	if (!reader) {
		reader = { others: sqlite.prepare('PRAGMA data_version').pluck(), own: sqlite.prepare('SELECT total_changes()').pluck(), unnoticed: 0 };
		readers.set(sqlite, reader);
	}
	return reader;
}

export function dataVersion(sqlite: Database.Database): string {
	const reader = readerOf(sqlite);
	return `${reader.others.get()}.${(reader.own.get() as number) - reader.unnoticed}`;
}

/**
 * A write of this connection that no page shows (a session seen again, its expiry moved): kept pages and reads
 * stay valid. Every signed-in reader touches their session once a minute; counted as changes, ten thousand of them
 * would throw away the kept proposal list over a hundred times a second. (Another process's such writes still
 * count: SQLite says only that it committed something.)
 */
export function writeUnnoticed<T>(sqlite: Database.Database, write: () => T): T {
	const reader = readerOf(sqlite);
	const before = reader.own.get() as number;
	try {
		return write();
	} finally {
		reader.unnoticed += (reader.own.get() as number) - before;
	}
}
