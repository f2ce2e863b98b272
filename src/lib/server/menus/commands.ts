// Menus themselves: street staff create a menu for a community and may move it on to its next phase early.
import { and, count, eq, gt, isNull, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { communities } from '../org/schema';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { menuProjects, menus, PHASES, type Phase } from './schema';
import { dateOrderFields, menuSchema } from './validation';
import { currentPhase, phaseAtLeast } from './rules';
import { menuToChange } from './load';
import { sendDueReminders } from './reminders';

type MenuInput = z.infer<typeof menuSchema>;

/** The columns a street worker sets on a menu, the same when creating and when correcting it. */
function menuColumns(v: MenuInput) {
	const { title, description, budget, ballotRule, maxChoices, minChoices, tallyRule, minVotes } = v;
	const { collectStartsAt, reviewStartsAt, voteStartsAt, resultsStartsAt, implementationStartsAt, acceptanceStartsAt } = v;
	return { title, description, budget, ballotRule, maxChoices, minChoices, tallyRule, minVotes, collectStartsAt, reviewStartsAt, voteStartsAt, resultsStartsAt, implementationStartsAt, acceptanceStartsAt };
}

export function createMenu(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(menuSchema, input);
	if (!parsed.ok) return { ...parsed, fields: { ...dateOrderFields(input), ...parsed.fields } };
	const v = parsed.value;
	const community = db.select().from(communities).where(eq(communities.id, v.communityId)).get();
	if (!community) return err('not_found');
	const denied = authorize(actor, 'menu.create', { communityId: community.id, streetId: community.streetId });
	if (denied) return denied;
	return db.transaction((tx) => {
		const row = tx
			.insert(menus)
			.values({
				communityId: community.id,
				...menuColumns(v),
				createdBy: actor.userId,
				createdAt: now
			})
			.returning({ id: menus.id })
			.get();
		writeAudit(tx, actor, {
			action: 'menu.create',
			subjectType: 'menu',
			subjectId: row.id,
			communityId: community.id,
			streetId: community.streetId,
			summary: { title: v.title, budget: v.budget, ballotRule: v.ballotRule, tallyRule: v.tallyRule }
		}, now);
		return ok(row);
	});
}

/** Street staff move a menu on to its next phase before its date (e.g. close collecting early). */
export function advancePhase(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ phase: Phase }> {
	const found = menuToChange(db, actor, input, 'menu.advance_phase');
	if (!found.ok) return found;
	const { menu, community } = found.value;
	const phase = currentPhase(menu, now);
	const next = PHASES[phase === 'scheduled' ? 0 : PHASES.indexOf(phase) + 1];
	if (!next) return err('menu_last_phase');
	if (next === 'vote') {
		const feasible = db
			.select({ n: count() })
			.from(menuProjects)
			.where(and(eq(menuProjects.menuId, menu.id), eq(menuProjects.feasibility, 'feasible')))
			.get()!.n;
		if (feasible === 0) return err('menu_no_feasible_projects');
	}
	return db.transaction((tx) => {
		const where = menu.advancedTo === null ? isNull(menus.advancedTo) : eq(menus.advancedTo, menu.advancedTo);
		const changed = tx.update(menus).set({ advancedTo: next }).where(and(eq(menus.id, menu.id), where)).run();
		if (changed.changes === 0) return err('menu_changed');
		writeAudit(tx, actor, {
			action: 'menu.advance_phase',
			subjectType: 'menu',
			subjectId: menu.id,
			communityId: community.id,
			streetId: community.streetId,
			summary: { from: phase, to: next }
		}, now);
		sendDueReminders(tx, { menu: { ...menu, advancedTo: next }, community }, now);
		return ok({ phase: next });
	});
}

/** Street staff correct a menu (wording, budget, rules, dates) until its vote starts; after that it is fixed. */
export function editMenu(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	const found = menuToChange(db, actor, input, 'menu.edit');
	if (!found.ok) return found;
	const { menu, community } = found.value;
	if (phaseAtLeast(currentPhase(menu, now), 'vote')) return err('menu_locked');
	const parsed = parseInput(menuSchema, { ...(input as object), communityId: community.id });
	if (!parsed.ok) return { ...parsed, fields: { ...dateOrderFields(input), ...parsed.fields } };
	const v = parsed.value;
	const dearest = db
		.select({ cost: max(menuProjects.finalCost) })
		.from(menuProjects)
		.where(and(eq(menuProjects.menuId, menu.id), eq(menuProjects.feasibility, 'feasible'), gt(menuProjects.finalCost, v.budget)))
		.get();
	if (dearest?.cost) return err('invalid', { fields: { budget: 'err_menu_budget_below_project' } });
	return db.transaction((tx) => {
		tx.update(menus)
			.set(menuColumns(v))
			.where(eq(menus.id, menu.id))
			.run();
		const changed = Object.fromEntries(
			(['title', 'budget', 'ballotRule', 'maxChoices', 'minChoices', 'tallyRule', 'minVotes', 'collectStartsAt', 'reviewStartsAt', 'voteStartsAt', 'resultsStartsAt', 'implementationStartsAt', 'acceptanceStartsAt'] as const)
				.filter((k) => menu[k] !== v[k])
				.map((k) => [k, v[k]])
		);
		writeAudit(tx, actor, { action: 'menu.edit', subjectType: 'menu', subjectId: menu.id, communityId: community.id, streetId: community.streetId, summary: changed }, now);
		return ok({ id: menu.id });
	});
}
