// The one way to change anything. A command is a declaration — its policy action, how to load its record within
// the scope the request names, its input schema, its rule and its transaction — and `defineCommand` runs every
// command the same way:
//
//   1. load the record(s) within the scope the request names (a record of another community is not found)
//   2. authorize with the policy, narrowing the actor (no non-null assertion on it after this)
//   3. the record's own rule (state, ownership details), shared with the page through `allows()`
//   4. validate the input with zod (messages are keys, shown beside each field)
//   5. one synchronous IMMEDIATE transaction: the change, its audit row named by the policy action,
//      inbox items and after-commit effects (an outbox the job runner sends)
//
// Expected outcomes are results (`{ ok: false, error }`), never exceptions; a unique index (or a trigger's
// RAISE(ABORT), such as an area's capacity) that refuses a repeat or a race becomes the command's `conflict`
// error (a clean 409), never a second row.
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../db/client';
import { isConstraintRefusal } from '../db/client';
import { denial, type CommandAction, type Actor, type Subject } from '../policy';
import { err, ok, type Err, type Result } from '../result';
import { parseInput } from '../validation';
import { writeAudit } from '../audit/log';
import { notify, type NotificationParams } from '../notifications/commands';
import { enqueueEffect, wakeEffects, type EffectKind } from '../jobs/outbox';

/**
 * What a request names (from its URL): the record's id and the scope it must belong to. When it names a
 * community or a street, the loaded record must be in it.
 */
export type Scoped = object;
const scopeOf = (target: object) => target as { communityId?: unknown; streetId?: unknown };

/** What a command's transaction sees. */
export type Context<R, I> = {
	tx: Tx;
	actor: Actor;
	record: R;
	input: I;
	now: number;
	/** Inbox items, written in the transaction so they exist exactly when the change does. */
	notify(userIds: Iterable<number>, kind: string, params: NotificationParams, link: string): void;
	/** An effect to run after the commit (a webhook …): queued in the outbox, sent with retries. */
	effect(kind: EffectKind, payload: Record<string, unknown>): void;
	/** Undoes something outside the database (a file written) if the transaction does not commit. */
	cleanup(undo: () => void): void;
};

/** The audit row of a command: its action is the command's policy action; the rest comes from here. */
export type AuditRecord = { subjectType: string; subjectId: number | null; summary?: Record<string, unknown> };

type Checked<R, I> = { actor: Actor; record: R; input: I; now: number };

export type Spec<Target extends Scoped, R, S extends z.ZodType, I, T> = {
	action: CommandAction;
	/** The record(s) the command acts on, looked up within the target's scope; undefined → not found. */
	load(db: DbOrTx, target: Target): R | undefined;
	/** The record as the policy sees it: community, street, grid, department, owner. */
	subject(record: R): Subject;
	/** The record's own state rule: an error code when it does not allow the action now, else null. */
	rule?(actor: Actor, record: R, now: number): string | null;
	input: S;
	/** Reads that need the validated input (another record it names, a posting limit), before writing. */
	check?(db: DbOrTx, c: Checked<R, z.infer<S>>): Err | null;
	/** The change itself, inside the transaction. An error result rolls everything back. */
	run(c: Context<R, I>): Result<T>;
	/** The audit row; null only when the command found its change already made (a repeat) and wrote nothing. */
	audit(c: Context<R, I>, value: T): AuditRecord | null;
	/** The error when a unique index or a trigger's RAISE(ABORT) refuses the write (someone was first, or this is a repeat). */
	conflict?: string;
};

type AsyncSpec<Target extends Scoped, R, S extends z.ZodType, I, T> = Spec<Target, R, S, I, T> & {
	/** Slow work before the transaction (decoding photos, hashing a password): turns the input into `I`. */
	before(db: DbOrTx, c: Checked<R, z.infer<S>>): Promise<Result<I>>;
};

export type Prepared<T> = { commit(): Result<T> };

type Common<Target, R> = {
	readonly action: CommandAction;
	/** Whether this person may do it to this record now: the page's question, answered by the command's own checks. */
	allows(actor: Actor | null | undefined, record: R, now: number): boolean;
	load(db: DbOrTx, target: Target): R | undefined;
};

export type Command<Target, R, T> = Common<Target, R> & {
	(db: Db, actor: Actor | null, target: Target, input: unknown, now: number): Result<T>;
	/** Steps 1–4 without writing; `commit()` is step 5. Race tests put a rival's write between the two. */
	prepare(db: Db, actor: Actor | null, target: Target, input: unknown, now: number): Result<Prepared<T>>;
};

export type AsyncCommand<Target, R, T> = Common<Target, R> & {
	(db: Db, actor: Actor | null, target: Target, input: unknown, now: number): Promise<Result<T>>;
};

/** Steps 1–3: the record, in scope, that this actor may act on now. */
function admit<Target extends Scoped, R>(
	spec: Pick<Spec<Target, R, z.ZodType, unknown, unknown>, 'action' | 'load' | 'subject' | 'rule'>,
	db: DbOrTx,
	actor: Actor | null,
	target: Target,
	now: number
): Result<{ actor: Actor; record: R }> {
	const record = spec.load(db, target);
	if (record === undefined) return err('not_found');
	const subject = spec.subject(record);
	// The loader filters by scope; this second look makes a loader that forgot to still answer "not found".
	const named = scopeOf(target);
	if (named.communityId !== undefined && subject.communityId !== named.communityId) return err('not_found');
	if (named.streetId !== undefined && subject.streetId !== named.streetId) return err('not_found');
	const denied = denial(actor, spec.action, subject);
	if (denied || !actor) return denied ?? err('unauthenticated');
	const refused = spec.rule?.(actor, record, now);
	if (refused) return err(refused);
	return ok({ actor, record });
}

/** Step 4: the input, validated, and any reads that depend on it. */
function validate<Target extends Scoped, R, S extends z.ZodType>(
	spec: Spec<Target, R, S, unknown, unknown>,
	db: DbOrTx,
	admitted: { actor: Actor; record: R },
	input: unknown,
	now: number
): Result<Checked<R, z.infer<S>>> {
	const parsed = parseInput(spec.input, input);
	if (!parsed.ok) return parsed;
	const checked = { ...admitted, input: parsed.value as z.infer<S>, now };
	const problem = spec.check?.(db, checked);
	return problem ?? ok(checked);
}

/** Thrown inside a transaction to undo it and return an expected refusal. */
class RolledBack extends Error {
	constructor(readonly result: Err) {
		super('rolled back');
	}
}

/** Step 5: one IMMEDIATE transaction with the change, its audit row, inbox items and queued effects. */
function commit<Target extends Scoped, R, S extends z.ZodType, I, T>(spec: Spec<Target, R, S, I, T>, db: Db, c: Checked<R, I>): Result<T> {
	let queued = false;
	const undo: (() => void)[] = [];
	try {
		const result = db.transaction(
			(tx) => {
				const context: Context<R, I> = {
					...c,
					tx,
					notify: (userIds, kind, params, link) => notify(tx, userIds, kind, params, link, c.now),
					effect: (kind, payload) => {
						enqueueEffect(tx, kind, payload, c.now);
						queued = true;
					},
					cleanup: (fn) => void undo.push(fn)
				};
				const outcome = spec.run(context);
				// A refusal found inside the transaction (a guarded update lost a race) writes nothing.
				if (!outcome.ok) throw new RolledBack(outcome);
				const subject = spec.subject(c.record);
				const entry = spec.audit(context, outcome.value);
				if (entry) writeAudit(tx, c.actor, { action: spec.action, ...entry, communityId: subject.communityId ?? null, streetId: subject.streetId ?? null }, c.now);
				return outcome;
			},
			{ behavior: 'immediate' }
		);
		if (queued) wakeEffects();
		return result;
	} catch (e) {
		for (const fn of undo.reverse()) fn();
		if (e instanceof RolledBack) return e.result as Result<T>;
		if (spec.conflict && isConstraintRefusal(e)) return err(spec.conflict);
		throw e;
	}
}


/** Declares a command. The returned function runs steps 1–5; `prepare` stops before 5. */
export function defineCommand<Target extends Scoped, R, S extends z.ZodType, T>(spec: Spec<Target, R, S, z.infer<S>, T>): Command<Target, R, T> {
	const prepare = (db: Db, actor: Actor | null, target: Target, input: unknown, now: number): Result<Prepared<T>> => {
		const admitted = admit(spec, db, actor, target, now);
		if (!admitted.ok) return admitted;
		const checked = validate(spec, db, admitted.value, input, now);
		if (!checked.ok) return checked;
		return ok({ commit: () => commit(spec, db, checked.value) });
	};
	const run = (db: Db, actor: Actor | null, target: Target, input: unknown, now: number): Result<T> => {
		const prepared = prepare(db, actor, target, input, now);
		return prepared.ok ? prepared.value.commit() : prepared;
	};
	return Object.assign(run, common(spec), { prepare });
}

/** A command with slow work before its transaction (`before`): the same steps, awaited. */
export function defineAsyncCommand<Target extends Scoped, R, S extends z.ZodType, I, T>(spec: AsyncSpec<Target, R, S, I, T>): AsyncCommand<Target, R, T> {
	const run = async (db: Db, actor: Actor | null, target: Target, input: unknown, now: number): Promise<Result<T>> => {
		const admitted = admit(spec, db, actor, target, now);
		if (!admitted.ok) return admitted;
		const checked = validate(spec as unknown as Spec<Target, R, S, unknown, unknown>, db, admitted.value, input, now);
		if (!checked.ok) return checked;
		const prepared = await spec.before(db, checked.value);
		if (!prepared.ok) return prepared;
		return commit(spec, db, { ...checked.value, input: prepared.value });
	};
	return Object.assign(run, common(spec));
}

function common<Target extends Scoped, R>(spec: Spec<Target, R, z.ZodType, never, unknown>): Common<Target, R> {
	return {
		action: spec.action,
		load: spec.load,
		allows: (actor, record, now) => admitRecord(spec, actor, record, now)
	};
}

/** Steps 2–3 for a record already in hand (pages have loaded it). */
function admitRecord<R>(spec: Pick<Spec<Scoped, R, z.ZodType, never, unknown>, 'action' | 'subject' | 'rule'>, actor: Actor | null | undefined, record: R, now: number): boolean {
	if (denial(actor, spec.action, spec.subject(record)) || !actor) return false;
	return !spec.rule?.(actor, record, now);
}

/**
 * A domain's abilities: for each of its commands, whether this person may use it on this record now.
 * Pages show buttons from it; the commands decide with the same checks, so the two never disagree.
 */
export function abilities<R, C extends Record<string, { allows(actor: Actor | null | undefined, record: R, now: number): boolean }>>(commands: C) {
	return (actor: Actor | null | undefined, record: R, now: number): { [K in keyof C]: boolean } =>
		Object.fromEntries(Object.entries(commands).map(([name, command]) => [name, command.allows(actor, record, now)])) as { [K in keyof C]: boolean };
}
