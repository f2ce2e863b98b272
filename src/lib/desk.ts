// The desk's codes and their words, shared by server and page (kept beside each other: only the desk uses them).
import { m } from '$lib/paraglide/messages';

export const DESK_TASKS = [
	'residency_applications',
	'proposals_to_answer',
	'reported_comments',
	'candidates_to_review',
	'works_to_accept',
	'residents_waiting',
	'reports_to_handle',
	'reports_escalated',
	'reports_overdue',
	'reports_to_verify',
	'claims_at_risk',
	'ratings_to_give'
] as const;
export type DeskTaskKind = (typeof DESK_TASKS)[number];

export const MENU_STEPS = ['announce', 'gather_candidates', 'review_candidates', 'open_vote', 'voting', 'publish_results', 'follow_works', 'accept_works', 'done'] as const;
export type MenuStep = (typeof MENU_STEPS)[number];

const TASK: Record<DeskTaskKind, (p: { count: number }) => string> = {
	residency_applications: m.desk_task_residency_applications,
	proposals_to_answer: m.desk_task_proposals_to_answer,
	reported_comments: m.desk_task_reported_comments,
	candidates_to_review: m.desk_task_candidates_to_review,
	works_to_accept: m.desk_task_works_to_accept,
	residents_waiting: m.desk_task_residents_waiting,
	reports_to_handle: m.desk_task_reports_to_handle,
	reports_escalated: m.desk_task_reports_escalated,
	reports_overdue: m.desk_task_reports_overdue,
	reports_to_verify: m.desk_task_reports_to_verify,
	claims_at_risk: m.desk_task_claims_at_risk,
	ratings_to_give: m.desk_task_ratings_to_give
};
const STEP: Record<MenuStep, () => string> = {
	announce: m.desk_step_announce,
	gather_candidates: m.desk_step_gather_candidates,
	review_candidates: m.desk_step_review_candidates,
	open_vote: m.desk_step_open_vote,
	voting: m.desk_step_voting,
	publish_results: m.desk_step_publish_results,
	follow_works: m.desk_step_follow_works,
	accept_works: m.desk_step_accept_works,
	done: m.desk_step_done
};

export const deskTaskLabel = (kind: DeskTaskKind, count: number) => TASK[kind]({ count });
export const menuStepLabel = (step: MenuStep) => STEP[step]();
