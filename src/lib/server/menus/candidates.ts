// 徵集 and 評議: residents and the committee put candidate projects on a menu; the committee or street reviews them.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { menuProjects } from './schema';
import { candidateSchema, reviewSchema } from './validation';
import { currentPhase } from './rules';
import { loadMenu, menuLink, scopeOf } from './load';
import { offeredProposals } from './proposal-link';

export function submitCandidate(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(candidateSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const loaded = loadMenu(db, v.menuId);
	if (!loaded) return err('not_found');
	const { menu, community } = loaded;
	const denied = authorize(actor, 'menu.submit_candidate', scopeOf(community));
	if (denied) return denied;
	if (menu.source !== 'native') return err('menu_read_only');
	if (currentPhase(menu, now) !== 'collect') return err('menu_not_collecting');
	if (v.estimatedCost > menu.budget) {
		return err('invalid', { fields: { estimatedCost: 'err_menu_cost_over_budget' } });
	}
	if (v.proposalId !== null && !offeredProposals(db, community.id).some((p) => p.id === v.proposalId)) {
		return err('invalid', { fields: { proposalId: 'err_invalid' } });
	}
	return db.transaction((tx) => {
		const row = tx
			.insert(menuProjects)
			.values({
				menuId: menu.id,
				title: v.title,
				description: v.description,
				estimatedCost: v.estimatedCost,
				proposalId: v.proposalId,
				submittedBy: actor.userId,
				createdAt: now
			})
			.returning({ id: menuProjects.id })
			.get();
		writeAudit(tx, actor, {
			action: 'menu.submit_candidate',
			subjectType: 'menu_project',
			subjectId: row.id,
			communityId: community.id,
			streetId: community.streetId,
			summary: { menu: menu.id, title: v.title, estimatedCost: v.estimatedCost, proposal: v.proposalId ?? undefined }
		}, now);
		return ok(row);
	});
}

/** Feasible with the cost the ballot will use, or not feasible with a reason everyone can read. */
export function reviewCandidate(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ feasibility: string }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(reviewSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const project = db.select().from(menuProjects).where(eq(menuProjects.id, v.projectId)).get();
	if (!project) return err('not_found');
	const loaded = loadMenu(db, project.menuId)!;
	const { menu, community } = loaded;
	const denied = authorize(actor, 'menu.review_candidate', scopeOf(community));
	if (denied) return denied;
	if (menu.source !== 'native') return err('menu_read_only');
	const phase = currentPhase(menu, now);
	if (phase !== 'collect' && phase !== 'review') return err('menu_review_closed');
	if (v.finalCost !== null && v.finalCost > menu.budget) {
		return err('invalid', { fields: { finalCost: 'err_menu_cost_over_budget' } });
	}
	const feasibility = v.decision;
	return db.transaction((tx) => {
		tx.update(menuProjects)
			.set({ feasibility, finalCost: v.finalCost, infeasibleReason: v.reason })
			.where(eq(menuProjects.id, project.id))
			.run();
		writeAudit(tx, actor, {
			action: 'menu.review_candidate',
			subjectType: 'menu_project',
			subjectId: project.id,
			communityId: community.id,
			streetId: community.streetId,
			summary: { menu: menu.id, title: project.title, feasibility, finalCost: v.finalCost ?? undefined, reason: v.reason ?? undefined }
		}, now);
		if (project.submittedBy && project.submittedBy !== actor.userId) {
			notify(
				tx,
				[project.submittedBy],
				feasibility === 'feasible' ? 'menu_candidate_feasible' : 'menu_candidate_infeasible',
				{ project: project.title, menu: menu.title, reason: v.reason ?? '' },
				menuLink(community, menu.id),
				now
			);
		}
		return ok({ feasibility });
	});
}
