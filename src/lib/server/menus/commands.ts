// Menus themselves: street staff create a menu for a community, correct it until its vote starts, and may move
// it on to its next phase early. Each command is a declaration the kernel runs: load in scope → authorize →
// rule → validate → one transaction with its audit row.
import { and, count, eq, gt, isNull, max } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../kernel/command';
import { communitySubject, loadCommunity } from '../org/records';
import { err, ok } from '../result';
import { menuProjects, menus, PHASES, type Phase } from './schema';
import { menuSchema, type MenuInput } from './validation';
import { advanceRefusal, currentPhase, phaseAtLeast, type MenuPhase } from './rules';
import { loadMenu, menuSubject, phaseInTransaction, readOnly, type Menu, type MenuRecord } from './records';
import { sendDueReminders } from './reminders';

const onMenu = { load: loadMenu, subject: menuSubject };
const audited = ({ menu }: MenuRecord, summary: Record<string, unknown>) => ({ subjectType: 'menu', subjectId: menu.id, summary });
/** The menu's advanced_to as loaded: a guarded update changes nothing when someone moved it since. */
const unmoved = (menu: Menu) => (menu.advancedTo === null ? isNull(menus.advancedTo) : eq(menus.advancedTo, menu.advancedTo));

/** The columns a street worker sets on a menu, the same when creating and when correcting it. */
function menuColumns(v: MenuInput) {
	const { title, description, budget, ballotRule, maxChoices, minChoices, tallyRule, minVotes } = v;
	const { collectStartsAt, reviewStartsAt, voteStartsAt, resultsStartsAt, implementationStartsAt, acceptanceStartsAt } = v;
	return { title, description, budget, ballotRule, maxChoices, minChoices, tallyRule, minVotes, collectStartsAt, reviewStartsAt, voteStartsAt, resultsStartsAt, implementationStartsAt, acceptanceStartsAt };
}

/** Street staff put a menu before one community of their street. */
export const createMenu = defineCommand({
	action: 'menu.create',
	load: loadCommunity,
	subject: communitySubject,
	input: menuSchema,
	run: ({ tx, actor, record: community, input, now }) =>
		ok(tx.insert(menus).values({ communityId: community.id, ...menuColumns(input), createdBy: actor.userId, createdAt: now }).returning({ id: menus.id }).get()),
	audit: ({ input: v }, row) => ({ subjectType: 'menu', subjectId: row.id, summary: { title: v.title, budget: v.budget, ballotRule: v.ballotRule, tallyRule: v.tallyRule } })
});

const EDITED = ['title', 'budget', 'ballotRule', 'maxChoices', 'minChoices', 'tallyRule', 'minVotes', 'collectStartsAt', 'reviewStartsAt', 'voteStartsAt', 'resultsStartsAt', 'implementationStartsAt', 'acceptanceStartsAt'] as const;

/** Street staff correct a menu (wording, budget, rules, dates) until its vote starts; after that it is fixed. */
export const editMenu = defineCommand({
	action: 'menu.edit',
	...onMenu,
	rule: (_actor, record, now) => readOnly(record) ?? (phaseAtLeast(currentPhase(record.menu, now), 'vote') ? 'menu_locked' : null),
	input: menuSchema,
	check: (db, { record: { menu }, input }) => {
		const dearest = db
			.select({ cost: max(menuProjects.finalCost) })
			.from(menuProjects)
			.where(and(eq(menuProjects.menuId, menu.id), eq(menuProjects.feasibility, 'feasible'), gt(menuProjects.finalCost, input.budget)))
			.get();
		return dearest?.cost ? err('invalid', { fields: { budget: 'err_menu_budget_below_project' } }) : null;
	},
	run: ({ tx, record: { menu }, input, now }) => {
		// A menu moved on into its vote while this was being typed stays as the voters see it.
		if (phaseAtLeast(phaseInTransaction(tx, menu.id, now), 'vote')) return err('menu_locked');
		tx.update(menus).set(menuColumns(input)).where(eq(menus.id, menu.id)).run();
		return ok({ id: menu.id });
	},
	audit: ({ record, input }) => audited(record, Object.fromEntries(EDITED.filter((k) => record.menu[k] !== input[k]).map((k) => [k, input[k]])))
});

/** The phase after the current one, or null after acceptance. */
function nextOf(phase: MenuPhase): Phase | null {
	return PHASES[phase === 'scheduled' ? 0 : PHASES.indexOf(phase) + 1] ?? null;
}

/** Street staff move a menu on to its next phase before its date (e.g. close collecting early). */
export const advancePhase = defineCommand({
	action: 'menu.advance_phase',
	...onMenu,
	rule: (_actor, record, now) => readOnly(record) ?? (nextOf(currentPhase(record.menu, now)) ? null : 'menu_last_phase'),
	input: z.object({}),
	run: ({ tx, record: { menu, community }, now }) => {
		const from = currentPhase(menu, now);
		const next = nextOf(from);
		if (!next) return err('menu_last_phase');
		const feasible = tx
			.select({ n: count() })
			.from(menuProjects)
			.where(and(eq(menuProjects.menuId, menu.id), eq(menuProjects.feasibility, 'feasible')))
			.get();
		const refused = advanceRefusal(next, feasible?.n ?? 0);
		if (refused) return err(refused);
		// Guarded: of two people pressing "next phase" at once, one moves it; the other is told it changed.
		const changed = tx.update(menus).set({ advancedTo: next }).where(and(eq(menus.id, menu.id), unmoved(menu))).run();
		if (changed.changes === 0) return err('menu_changed');
		sendDueReminders(tx, { menu: { ...menu, advancedTo: next }, community }, now);
		return ok({ from, phase: next });
	},
	audit: ({ record }, v) => audited(record, { from: v.from, to: v.phase })
});
