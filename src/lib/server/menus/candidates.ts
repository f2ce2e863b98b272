// 徵集 and 評議: residents and the committee put candidate projects on a menu; the committee or street reviews them.
import { eq } from 'drizzle-orm';
import { defineCommand } from '../kernel/command';
import { err, ok } from '../result';
import { menuProjects } from './schema';
import { candidateSchema, reviewSchema } from './validation';
import { currentPhase, type MenuPhase } from './rules';
import { loadMenu, loadProject, menuLink, menuSubject, phaseInTransaction, projectSubject, readOnly } from './records';
import { offeredProposals } from './proposal-link';

const reviewable = (phase: MenuPhase) => phase === 'collect' || phase === 'review';

/** A candidate project, while the menu collects them; it may name a proposal the committee marked for a menu. */
export const submitCandidate = defineCommand({
	action: 'menu.submit_candidate',
	load: loadMenu,
	subject: menuSubject,
	rule: (_actor, record, now) => readOnly(record) ?? (currentPhase(record.menu, now) === 'collect' ? null : 'menu_not_collecting'),
	input: candidateSchema,
	check: (db, { record: { menu, community }, input }) => {
		if (input.estimatedCost > menu.budget) return err('invalid', { fields: { estimatedCost: 'err_menu_cost_over_budget' } });
		if (input.proposalId !== null && !offeredProposals(db, community.id).some((p) => p.id === input.proposalId)) {
			return err('invalid', { fields: { proposalId: 'err_invalid' } });
		}
		return null;
	},
	run: ({ tx, actor, record: { menu }, input: v, now }) => {
		// Collecting may have been closed early while this was being written.
		if (phaseInTransaction(tx, menu.id, now) !== 'collect') return err('menu_not_collecting');
		const row = tx
			.insert(menuProjects)
			.values({ menuId: menu.id, title: v.title, description: v.description, estimatedCost: v.estimatedCost, proposalId: v.proposalId, submittedBy: actor.userId, createdAt: now })
			.returning({ id: menuProjects.id })
			.get();
		return ok(row);
	},
	audit: ({ record: { menu }, input: v }, row) => ({
		subjectType: 'menu_project',
		subjectId: row.id,
		summary: { menu: menu.id, title: v.title, estimatedCost: v.estimatedCost, proposal: v.proposalId ?? undefined }
	})
});

/** Feasible with the cost the ballot will use, or not feasible with a reason everyone can read. */
export const reviewCandidate = defineCommand({
	action: 'menu.review_candidate',
	load: loadProject,
	subject: projectSubject,
	rule: (_actor, record, now) => readOnly(record) ?? (reviewable(currentPhase(record.menu, now)) ? null : 'menu_review_closed'),
	input: reviewSchema,
	check: (_db, { record: { menu }, input }) =>
		input.finalCost !== null && input.finalCost > menu.budget ? err('invalid', { fields: { finalCost: 'err_menu_cost_over_budget' } }) : null,
	run: ({ tx, actor, record: { project, menu, community }, input: v, now, notify }) => {
		// Guarded: once the vote has opened, the ballot's projects and costs stay as voters see them.
		if (!reviewable(phaseInTransaction(tx, menu.id, now))) return err('menu_review_closed');
		tx.update(menuProjects).set({ feasibility: v.decision, finalCost: v.finalCost, infeasibleReason: v.reason }).where(eq(menuProjects.id, project.id)).run();
		if (project.submittedBy && project.submittedBy !== actor.userId) {
			notify(
				[project.submittedBy],
				v.decision === 'feasible' ? 'menu_candidate_feasible' : 'menu_candidate_infeasible',
				{ project: project.title, menu: menu.title, reason: v.reason ?? '' },
				menuLink(community, menu.id)
			);
		}
		return ok({ projectId: project.id, feasibility: v.decision });
	},
	audit: ({ record: { project, menu }, input: v }) => ({
		subjectType: 'menu_project',
		subjectId: project.id,
		summary: { menu: menu.id, title: project.title, feasibility: v.decision, finalCost: v.finalCost ?? undefined, reason: v.reason ?? undefined }
	})
});
