import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** The better-sqlite3 connection underneath a db (drizzle sets it), for the few statements kept prepared. */
export const clientOf = (db: Db) => (db as Db & { $client: Database.Database }).$client;
/** A transaction handle; commands accept either a db or a tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const MIGRATIONS = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/**
 * Opens a database with the pragmas every connection needs. `synchronous=FULL`: an acknowledged
 * vote must survive a power cut, which WAL's default NORMAL does not promise.
 */
export function openDatabase(file: string): { db: Db; sqlite: Database.Database } {
	if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
	const sqlite = new Database(file, COUNTING ? { verbose: countQuery } : {});
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = FULL');
	const db = drizzle(sqlite, { schema });
	return { db, sqlite };
}

export function migrateDatabase(db: Db) {
	migrate(db, { migrationsFolder: MIGRATIONS });
}

/**
 * With DB_QUERY_COUNT=1 every statement a request runs is counted (the hook reports it in the
 * x-db-queries header), so tests and benchmarks can check that pages run a bounded number of queries.
 */
const COUNTING = process.env.DB_QUERY_COUNT === '1';
export const queryCounter = new AsyncLocalStorage<{ n: number }>();
function countQuery() {
	const store = queryCounter.getStore();
	if (store) store.n++;
}
export const countingQueries = () => COUNTING;

let opened: { db: Db; sqlite: Database.Database } | undefined;

export function databaseFile() {
	const url = process.env.DATABASE_URL ?? 'data/app.db';
	return url.replace(/^file:/, '');
}

/** The app's database, opened on first use (the build imports this module and must not open a file). */
export function getDb(): Db {
	if (!opened) {
		opened = openDatabase(databaseFile());
		migrateDatabase(opened.db);
	}
	return opened.db;
}

export function getSqlite() {
	getDb();
	return opened!.sqlite;
}

/** A fresh in-memory database with every migration applied: for tests. */
export function createTestDb(): Db {
	const { db } = openDatabase(':memory:');
	migrateDatabase(db);
	return db;
}

/** True when a write failed on a UNIQUE or PRIMARY KEY constraint (a race or a repeat). */
export function isUniqueViolation(error: unknown): boolean {
	for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
		const code = (e as { code?: unknown }).code;
		if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
	}
	return false;
}

/**
 * True when the database refused a write that a rival or a repeat made impossible: a UNIQUE or PRIMARY KEY
 * constraint, or a trigger's RAISE(ABORT) (an area's capacity is held by one). Commands map it to their conflict.
 */
export function isConstraintRefusal(error: unknown): boolean {
	if (isUniqueViolation(error)) return true;
	for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
		if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_TRIGGER') return true;
	}
	return false;
}
