// Queries kept prepared. Drizzle builds a query's SQL text on every call (client.ts keeps what SQLite compiles from
// that text, but the building remains): on the busiest paths (a ballot, the session of every request) that was most
// of the CPU a request took. A query built once with `sql.placeholder(…)` and `.prepare()`d is kept here, per
// connection, and only bound and run after.
//
// Prepared queries run on the connection itself, so one kept from `db` runs inside whatever transaction (or
// savepoint) that connection is in when it is called: a command's tx sees its own writes through them.
import type { DbOrTx } from './client';

/** Every db and every transaction on one connection share its session (drizzle hands the session down to each tx). */
const sessionOf = (db: DbOrTx) => (db as unknown as { session: object }).session;

const kept = new WeakMap<object, Map<unknown, unknown>>();

/**
 * The query `build` makes, prepared on this connection the first time it is asked for and kept for its life.
 * `build` must be one function defined once (a module-level constant): it is the key.
 */
export function prepared<Q>(db: DbOrTx, build: (db: DbOrTx) => Q): Q {
	return preparedAs(db, build, build);
}

/**
 * The same, for a family of queries of a few shapes (a list's filters and orders): `key` names the shape, and
 * `build` must make the same query whenever it is given that key.
 */
export function preparedAs<Q>(db: DbOrTx, key: unknown, build: (db: DbOrTx) => Q): Q {
	const session = sessionOf(db);
	let statements = kept.get(session);
	if (!statements) kept.set(session, (statements = new Map()));
	let statement = statements.get(key) as Q | undefined;
	if (statement === undefined) statements.set(key, (statement = build(db)));
	return statement;
}

/** Drops the queries kept for this connection (plan tests watch them being compiled again). */
export function forgetPrepared(db: DbOrTx) {
	kept.delete(sessionOf(db));
}
