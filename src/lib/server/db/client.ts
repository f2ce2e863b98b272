import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import * as schema from './schema';
import { registerGrams } from './grams';
import { forgetPrepared } from './statements';

export type Db = BetterSQLite3Database<typeof schema>;
/** The better-sqlite3 connection underneath a db (drizzle sets it), for the few statements kept prepared. */
export const clientOf = (db: Db) => (db as Db & { $client: Database.Database }).$client;
/** A transaction handle; commands accept either a db or a tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const MIGRATIONS = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/**
 * Opens a database (a file, ':memory:', or a serialized image) with the pragmas and SQL functions every
 * connection needs: the one place connections are opened. `synchronous=FULL`: an acknowledged vote must survive a
 * power cut, which WAL's default NORMAL does not promise. The search index's triggers call `text_grams` (grams.ts),
 * so a connection without it could not write a proposal.
 */
export function openDatabase(file: string | Buffer): { db: Db; sqlite: Database.Database } {
	if (typeof file === 'string' && file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
	const sqlite = new Database(file, COUNTING ? { verbose: countQuery } : {});
	registerGrams(sqlite);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = FULL');
	const db = drizzle(sqlite, { schema });
	reuseStatements(db, sqlite);
	return { db, sqlite };
}

const keptStatements = new WeakMap<Db, Map<string, Database.Statement>>();

/** For tests that watch what SQLite is asked to compile (query plans): the next statements are compiled afresh. */
export function forgetStatements(db: Db) {
	keptStatements.get(db)?.clear();
	forgetPrepared(db);
}

/** How many distinct statements a connection keeps compiled; a page runs a few dozen shapes. */
export const STATEMENTS_KEPT = 500;

type DrizzleSession = { prepareQuery: (query: { sql: string }, ...rest: unknown[]) => unknown; logger: unknown; cache: unknown };

/**
 * Drizzle has SQLite compile every statement afresh on each call (about a tenth of a list page's time under load).
 * The same text compiles to the same statement, so the connection keeps what drizzle compiled, the oldest dropped
 * past STATEMENTS_KEPT (lists of ids make texts of many lengths). A kept statement is handed back in its plain mode:
 * drizzle switches the ones it reads joined rows with to arrays (raw), and one text may serve both ways. Only
 * drizzle's statements are kept: a statement prepared by hand (pluck …) stays its caller's own.
 */
function reuseStatements(db: Db, sqlite: Database.Database) {
	const kept = new Map<string, Database.Statement>();
	keptStatements.set(db, kept);
	const prepare = (source: string) => {
		let statement = kept.get(source);
		if (statement) {
			if (statement.reader) statement.raw(true).raw(false);
			return statement;
		}
		statement = sqlite.prepare(source);
		if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
		kept.set(source, statement);
		return statement;
	};
	const session = (db as unknown as { session: DrizzleSession }).session;
	const prepareQuery = session.prepareQuery;
	// drizzle's prepareQuery reads this.client.prepare, this.logger and this.cache: the same, with the kept statements.
	session.prepareQuery = (query, ...rest) => prepareQuery.call({ client: { prepare }, logger: session.logger, cache: session.cache }, query, ...rest);
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
