// One case per policy action: how to attempt it through its command, and where the record it acts on is.
// `Record<Action, Case>`: a new action without a case does not compile.
import type { Action, Actor } from '../../../src/lib/server/policy';
import type { Result } from '../../../src/lib/server/result';
import type { World } from '../world';
import type { Records } from './fixture';
import { answerProposal, createProposal, editProposal, markForMenu, mergeProposal, secondProposal, withdrawProposal } from '../../../src/lib/server/proposals/commands';
import { openConsultation, postComment, replyOfficially, reportComment } from '../../../src/lib/server/consultations/commands';
import { closeThread, hideComment, lockThread, pinSummary, publishResolution, restoreComment, unlockThread } from '../../../src/lib/server/consultations/moderation';
import { publishImplementation, recordStage } from '../../../src/lib/server/consultations/stages';
import { advancePhase, createMenu, editMenu } from '../../../src/lib/server/menus/commands';
import { submitCandidate, reviewCandidate } from '../../../src/lib/server/menus/candidates';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { publishResults } from '../../../src/lib/server/menus/results';
import { importPabulib } from '../../../src/lib/server/menus/import';
import { acceptProject, addSpendingLine, editSpendingLine, postProgress } from '../../../src/lib/server/menus/implementation/commands';
import { applyForResidency, appointCommunityStaff, appointDepartment, appointStreetStaff, reviewApplication, revokeMembership, revokeStreetStaff } from '../../../src/lib/server/residency/commands';
import { createCommunity, createDepartment, createGrid, createStreet, renameGrid, updateCommunity, updateCommunitySettings, updateDepartment, updateStreet } from '../../../src/lib/server/org/commands';
import { changePassword, updateProfile } from '../../../src/lib/server/auth/commands';
import { retryEffect } from '../../../src/lib/server/jobs/commands';
import { closePropertyPeriod, hideRatingComment, openPropertyPeriod, rateReport, rateSubject, restoreRatingComment } from '../../../src/lib/server/ratings/commands';
import { createScheme, editScheme, publishSnapshot, setAwards, takeSnapshot } from '../../../src/lib/server/evaluations/commands';
import { schemeForm } from './fixture';
import { configureAreas, createArea, placePin, retireArea, updateArea, uploadPlan } from '../../../src/lib/server/areas/catalogue';
import { claimArea, releaseClaim, renewClaim, reviewClaim, revokeClaim } from '../../../src/lib/server/areas/claims';
import { checkLog, logCare, nudgeClaim, rejectLog, thankLog } from '../../../src/lib/server/areas/care';
import { openUpkeepRating } from '../../../src/lib/server/areas/upkeep';
import { createTeam, joinTeam, leaveTeam, reviewTeam } from '../../../src/lib/server/areas/teams';
import { areaForm, careForm, pngPhoto } from '../areas/helpers';
import { fileReport, followReport } from '../../../src/lib/server/dispatch/filing';
import { closeAtTriage, dispatchReport, handleOnSpot, reclassifyReport } from '../../../src/lib/server/dispatch/triage';
import { acceptReport, noteProgress, replyToReport, returnReport } from '../../../src/lib/server/dispatch/handling';
import { nameLead, verifyReport } from '../../../src/lib/server/dispatch/verification';
import { createService, setHolidays, setWebhook, updateService } from '../../../src/lib/server/dispatch/catalogue';
import { createKey, revokeKey } from '../../../src/lib/server/dispatch/open311/keys';

export type MatrixWorld = World & { records: Records };
/** Where a record is, as the policy should see it. */
export type Place = { communityId?: number; streetId?: number; gridId?: number | null; departmentId?: number | null; ownerId?: number | null };
type Outcome = Result<unknown> | Promise<Result<unknown>>;

export type Case = {
	place: (w: MatrixWorld) => Place;
	/** Attempts the action through its command (absent for views: permissions to open a page). */
	run?: (w: MatrixWorld, actor: Actor | null) => Outcome;
	/** When someone allowed to act is still refused by the record's state, the error they get. */
	whenAllowed?: string;
};

const inJinwei = (w: MatrixWorld): Place => ({ communityId: w.records.jinwei, streetId: w.records.street });
const ownedBy = (username: string) => (w: MatrixWorld): Place => ({ ...inJinwei(w), ownerId: w.ids.user[username] });
const onStreet = (w: MatrixWorld): Place => ({ streetId: w.records.street });
const onSite = (): Place => ({});

const jinwei = (w: MatrixWorld) => ({ communityId: w.records.jinwei });
/** Areas of the matrix world are in jinwei's first grid. */
const inGrid = (w: MatrixWorld): Place => ({ ...inJinwei(w), gridId: w.ids.grids.jinwei[0] });
const claimOf = (owner: string) => (w: MatrixWorld): Place => ({ ...inGrid(w), ownerId: w.ids.user[owner] });
const claimAt = (w: MatrixWorld, id: number, claimId: number) => ({ communityId: w.records.jinwei, id, claimId });
const logAt = (w: MatrixWorld) => ({ communityId: w.records.jinwei, id: w.records.heldArea, logId: w.records.careLog });
const at = (w: MatrixWorld, id: number) => ({ communityId: w.records.jinwei, id });
const project = (w: MatrixWorld, menuId: number, projectId: number) => ({ communityId: w.records.jinwei, menuId, projectId });
const property = (w: MatrixWorld) => ({ communityId: w.records.jinwei, kind: 'property' as const, subjectId: w.records.property });
const evaluationPeriod = (w: MatrixWorld) => ({ streetId: w.records.street, periodKey: w.records.evaluationPeriod });
const menuForm = {
	title: '2027 年民生微實事',
	budget: '300000',
	ballotRule: 'approval_budget',
	tallyRule: 'greedy',
	collectStartsAt: '2026-12-01',
	reviewStartsAt: '2026-12-15',
	voteStartsAt: '2027-01-01',
	resultsStartsAt: '2027-01-15',
	implementationStartsAt: '2027-02-01',
	acceptanceStartsAt: '2027-06-01'
};
const PB = `META
key;value
description;測試
num_projects;2
num_votes;2
budget;100
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;selected
1;60;2;1
2;50;1;0
VOTES
voter_id;vote
1;1,2
2;1
`;
const pbFile = { name: 'test.pb', type: 'text/plain', bytes: new TextEncoder().encode(PB) };

// 吹哨派單: a report in 金韋's first grid filed by resident1; dispatched ones are with 城管執法隊 (dept1)
const inReportGrid = (w: MatrixWorld): Place => ({ ...inJinwei(w), gridId: w.records.grid, departmentId: null, ownerId: w.ids.user.resident1 });
const withDepartment = (w: MatrixWorld): Place => ({ ...inReportGrid(w), departmentId: w.records.department });
/** The reporter and neighbours act on a report anywhere in the community, whatever its grid. */
const asNeighbour = (w: MatrixWorld): Place => ({ ...inJinwei(w), ownerId: w.ids.user.resident1 });
const report = (w: MatrixWorld, id: number) => ({ communityId: w.records.jinwei, id });
const desk = (w: MatrixWorld, id: number) => ({ streetId: w.records.street, id });
const street = (w: MatrixWorld) => ({ streetId: w.records.street });
const serviceForm = { code: 'lift', nameHant: '電梯故障', nameHans: '电梯故障', nameEn: 'Broken lift', group: 'building', deadlineClass: 'help', active: 'on' };

export const CASES: Record<Action, Case> = {
	// accounts and residency
	'account.update_profile': { place: onSite, run: (w, a) => updateProfile(w.db, a, {}, { displayName: '新的名字' }, w.now) },
	'account.change_password': {
		place: onSite,
		// the demo's stored hashes are not real: the current-password check refuses, beside the field
		whenAllowed: 'invalid',
		run: (w, a) => changePassword(w.db, a, { sessionId: null }, { currentPassword: 'not-the-password', password: 'river-bridge-42', passwordConfirm: 'river-bridge-42' }, w.now)
	},
	'residency.apply': { place: onSite, run: (w, a) => applyForResidency(w.db, a, jinwei(w), { compound: '金韋花園', building: '9', unit: '1-101' }, w.now) },
	'residency.review': { place: inJinwei, run: (w, a) => reviewApplication(w.db, a, at(w, w.records.application), { decision: 'verify' }, w.now) },
	'residency.appoint_community_staff': {
		place: inJinwei,
		run: (w, a) => appointCommunityStaff(w.db, a, { streetId: w.records.street, communityId: w.records.jinwei }, { username: 'resident3', role: 'committee' }, w.now)
	},
	'residency.appoint_department': {
		place: onStreet,
		run: (w, a) => appointDepartment(w.db, a, { streetId: w.records.street, id: w.records.department }, { username: 'resident4' }, w.now)
	},
	'residency.appoint_street_staff': { place: onStreet, run: (w, a) => appointStreetStaff(w.db, a, { streetId: w.records.street }, { username: 'resident5' }, w.now) },
	'residency.revoke': { place: onStreet, run: (w, a) => revokeMembership(w.db, a, { streetId: w.records.street, id: w.records.gridWorkerMembership }, {}, w.now) },
	'residency.revoke_street_staff': { place: onStreet, run: (w, a) => revokeStreetStaff(w.db, a, { id: w.records.streetStaffMembership }, {}, w.now) },
	// the organisation
	'org.create_street': { place: onSite, run: (w, a) => createStreet(w.db, a, {}, { slug: 'nanmen', name: '南門街道' }, w.now) },
	'org.update_street': { place: onStreet, run: (w, a) => updateStreet(w.db, a, { streetId: w.records.street }, { name: '屏襄門街道辦事處' }, w.now) },
	'org.create_community': { place: onStreet, run: (w, a) => createCommunity(w.db, a, { streetId: w.records.street }, { slug: 'xinyuan', name: '新園社區' }, w.now) },
	'org.update_community': { place: inJinwei, run: (w, a) => updateCommunity(w.db, a, jinwei(w), { name: '金韋社區（新）', description: '' }, w.now) },
	'org.create_grid': { place: inJinwei, run: (w, a) => createGrid(w.db, a, jinwei(w), { name: '第四網格' }, w.now) },
	'org.rename_grid': { place: inJinwei, run: (w, a) => renameGrid(w.db, a, { id: w.records.grid }, { name: '第一網格（新）' }, w.now) },
	'department.create': { place: onStreet, run: (w, a) => createDepartment(w.db, a, { streetId: w.records.street }, { name: '水務所', contact: '' }, w.now) },
	'department.update': {
		place: (w) => ({ ...onStreet(w), departmentId: w.records.department }),
		run: (w, a) => updateDepartment(w.db, a, { streetId: w.records.street, id: w.records.department }, { name: '城管執法中隊', contact: '' }, w.now)
	},
	'community.settings': { place: inJinwei, run: (w, a) => updateCommunitySettings(w.db, a, jinwei(w), { secondThreshold: 5, responseDays: 10, reportHideThreshold: 3 }, w.now) },
	// what staff may open and read
	'community.manage_view': { place: inJinwei },
	'street.manage_view': { place: onStreet },
	'site.admin_view': { place: onSite },
	'audit.view': { place: inJinwei },
	'jobs.retry_effect': { place: onSite, run: (w, a) => retryEffect(w.db, a, { id: w.records.deadEffect }, {}, w.now) },
	// 決策共謀
	'proposal.create': { place: inJinwei, run: (w, a) => createProposal(w.db, a, jinwei(w), { title: '新的議題標題', body: '這是一段足夠長的議題內容。', category: 'other' }, w.now) },
	'proposal.edit_own': {
		place: ownedBy('resident1'),
		run: (w, a) => editProposal(w.db, a, at(w, w.records.proposal), { title: '改過的議題標題', body: '這是一段足夠長的議題內容。', category: 'other' }, w.now)
	},
	'proposal.withdraw_own': { place: ownedBy('resident1'), run: (w, a) => withdrawProposal(w.db, a, at(w, w.records.proposal), {}, w.now) },
	// seconding resident2's proposal (resident2 themself is refused as its author, see below)
	'proposal.second': { place: inJinwei, run: (w, a) => secondProposal(w.db, a, at(w, w.records.other), {}, w.now) },
	'proposal.answer': { place: inJinwei, run: (w, a) => answerProposal(w.db, a, at(w, w.records.proposal), { reason: '已經處理完畢。' }, w.now) },
	'proposal.mark_menu': { place: inJinwei, run: (w, a) => markForMenu(w.db, a, at(w, w.records.proposal), {}, w.now) },
	'proposal.merge': { place: inJinwei, run: (w, a) => mergeProposal(w.db, a, at(w, w.records.proposal), { targetId: w.records.other }, w.now) },
	// 協商議事
	'consultation.open': { place: inJinwei, run: (w, a) => openConsultation(w.db, a, jinwei(w), { topic: '新的協商議題', background: '背景說明至少十個字。' }, w.now) },
	'consultation.comment': { place: inJinwei, run: (w, a) => postComment(w.db, a, at(w, w.records.thread), { body: '我的意見', stance: 'neutral' }, w.now) },
	'consultation.reply_official': { place: inJinwei, run: (w, a) => replyOfficially(w.db, a, at(w, w.records.thread), { body: '居委會的回覆', parentId: w.records.comment }, w.now) },
	'consultation.report_comment': { place: inJinwei, run: (w, a) => reportComment(w.db, a, at(w, w.records.thread), { commentId: w.records.comment, reason: 'spam' }, w.now) },
	'consultation.hide': { place: inJinwei, run: (w, a) => hideComment(w.db, a, at(w, w.records.thread), { commentId: w.records.comment, reason: '離題' }, w.now) },
	'consultation.restore': { place: inJinwei, run: (w, a) => restoreComment(w.db, a, at(w, w.records.thread), { commentId: w.records.hidden }, w.now) },
	'consultation.lock': { place: inJinwei, run: (w, a) => lockThread(w.db, a, at(w, w.records.thread), {}, w.now) },
	// nothing is locked yet: someone allowed hears that it is not locked
	'consultation.unlock': { place: inJinwei, whenAllowed: 'thread_not_locked', run: (w, a) => unlockThread(w.db, a, at(w, w.records.thread), {}, w.now) },
	'consultation.pin': { place: inJinwei, run: (w, a) => pinSummary(w.db, a, at(w, w.records.thread), { summary: '目前的討論摘要' }, w.now) },
	'consultation.close': { place: inJinwei, run: (w, a) => closeThread(w.db, a, at(w, w.records.thread), { resolution: '決議：照居民討論的方案執行。' }, w.now) },
	// the 重大事項 has not been through its four stages yet
	'consultation.publish_resolution': {
		place: inJinwei,
		whenAllowed: 'stages_unfinished',
		run: (w, a) => publishResolution(w.db, a, at(w, w.records.major), { resolution: '決議：照居民討論的方案執行。' }, w.now)
	},
	'consultation.record_stage': {
		place: inJinwei,
		run: (w, a) => recordStage(w.db, a, at(w, w.records.major), { stage: 1, heldOn: '2026-10-20', body: '居民代表提出加裝電梯。', outcome: '列入議程', entitled: 30, attended: 20 }, w.now)
	},
	'consultation.publish_implementation': {
		place: inJinwei,
		whenAllowed: 'resolution_not_public',
		run: (w, a) => publishImplementation(w.db, a, at(w, w.records.major), { implementation: '已完工並驗收。' }, w.now)
	},
	// 群眾點菜
	'menu.create': { place: inJinwei, run: (w, a) => createMenu(w.db, a, jinwei(w), menuForm, w.now) },
	'menu.edit': { place: inJinwei, run: (w, a) => editMenu(w.db, a, at(w, w.records.collecting), { ...menuForm, collectStartsAt: '2026-10-01', reviewStartsAt: '2026-11-15' }, w.now) },
	'menu.advance_phase': { place: inJinwei, run: (w, a) => advancePhase(w.db, a, at(w, w.records.collecting), {}, w.now) },
	'menu.import_pabulib': { place: inJinwei, run: (w, a) => importPabulib(w.db, a, jinwei(w), { file: [pbFile], title: '' }, w.now) },
	'menu.submit_candidate': { place: inJinwei, run: (w, a) => submitCandidate(w.db, a, at(w, w.records.collecting), { title: '樓道照明改造', estimatedCost: '45000' }, w.now) },
	'menu.review_candidate': { place: inJinwei, run: (w, a) => reviewCandidate(w.db, a, project(w, w.records.collecting, w.records.candidate), { decision: 'feasible', finalCost: '42000' }, w.now) },
	'menu.vote': { place: inJinwei, run: (w, a) => castBallot(w.db, a, at(w, w.records.voting), { projectIds: [String(w.records.votingProject)] }, w.now) },
	'menu.publish_results': { place: inJinwei, run: (w, a) => publishResults(w.db, a, at(w, w.records.counted), {}, w.now) },
	'menu.post_progress': { place: inJinwei, run: (w, a) => postProgress(w.db, a, project(w, w.records.published, w.records.project), { percent: '60', body: '路線已完成一半。', photos: [] }, w.now) },
	'menu.add_spending': { place: inJinwei, run: (w, a) => addSpendingLine(w.db, a, project(w, w.records.published, w.records.project), { item: '電線', planned: '2000', actual: '' }, w.now) },
	'menu.edit_spending': {
		place: inJinwei,
		run: (w, a) => editSpendingLine(w.db, a, project(w, w.records.published, w.records.project), { lineId: String(w.records.spendingLine), item: '燈具', planned: '10000', actual: '9800' }, w.now)
	},
	'menu.accept_project': {
		place: inJinwei,
		run: (w, a) => acceptProject(w.db, a, project(w, w.records.published, w.records.completed), { remarks: '驗收合格，座椅穩固。', representatives: '王秀英、李建國' }, w.now)
	},
	// 效果共評
	'rating.rate': { place: inJinwei, run: (w, a) => rateSubject(w.db, a, property(w), { overall: '4', cleanliness: '5', comment: '樓道乾淨了很多。' }, w.now) },
	'rating.rate_report': { place: ownedBy('resident1'), run: (w, a) => rateReport(w.db, a, { communityId: w.records.jinwei, kind: 'report', subjectId: w.records.report }, { overall: '3', speed: '2' }, w.now) },
	'rating.hide_comment': { place: inJinwei, run: (w, a) => hideRatingComment(w.db, a, property(w), { ratingId: String(w.records.commented), reason: '含有個人資料' }, w.now) },
	'rating.restore_comment': { place: inJinwei, run: (w, a) => restoreRatingComment(w.db, a, property(w), { ratingId: String(w.records.hiddenRating) }, w.now) },
	'rating.open_period': { place: inJinwei, run: (w, a) => openPropertyPeriod(w.db, a, jinwei(w), { title: '2027 年第一季物業服務', opensOn: '2026-12-05', closesOn: '2026-12-20' }, w.now) },
	'rating.close_period': { place: inJinwei, run: (w, a) => closePropertyPeriod(w.db, a, at(w, w.records.property), {}, w.now) },
	// 社區評價
	'evaluation.create_scheme': { place: onStreet, run: (w, a) => createScheme(w.db, a, { streetId: w.records.street }, schemeForm('2027Q2'), w.now) },
	'evaluation.edit_scheme': { place: onStreet, run: (w, a) => editScheme(w.db, a, { streetId: w.records.street, version: w.records.futureVersion }, schemeForm('2027Q1'), w.now) },
	'evaluation.snapshot': { place: onStreet, run: (w, a) => takeSnapshot(w.db, a, evaluationPeriod(w), {}, w.now) },
	'evaluation.publish': { place: onStreet, run: (w, a) => publishSnapshot(w.db, a, evaluationPeriod(w), {}, w.now) },
	'evaluation.set_awards': { place: onStreet, run: (w, a) => setAwards(w.db, a, evaluationPeriod(w), { pool: '100', floor: '50', cap: '150' }, w.now) },
	// 建設共管
	'area.create': { place: inJinwei, run: (w, a) => createArea(w.db, a, jinwei(w), areaForm(), w.now) },
	'area.update': { place: inGrid, run: (w, a) => updateArea(w.db, a, at(w, w.records.area), areaForm({ name: '3 棟東側綠地（含花壇）' }), w.now) },
	'area.retire': { place: inGrid, run: (w, a) => retireArea(w.db, a, at(w, w.records.area), { reason: '綠地改建為停車場。' }, w.now) },
	'area.upload_plan': { place: inJinwei, run: (w, a) => uploadPlan(w.db, a, jinwei(w), { plan: [pngPhoto('plan.png')] }, w.now) },
	'area.place_pin': { place: inGrid, run: (w, a) => placePin(w.db, a, at(w, w.records.area), { areaId: String(w.records.area), 'pin.x': '360', 'pin.y': '270' }, w.now) },
	'area.configure': { place: inJinwei, run: (w, a) => configureAreas(w.db, a, jinwei(w), { maxActiveClaims: '3', approveClaims: 'on' }, w.now) },
	'area.claim': { place: inGrid, run: (w, a) => claimArea(w.db, a, at(w, w.records.area), {}, w.now) },
	'area.review_claim': { place: claimOf('resident2'), run: (w, a) => reviewClaim(w.db, a, claimAt(w, w.records.pendingClaimArea, w.records.pendingClaim), { decision: 'approve' }, w.now) },
	'area.release_own': { place: claimOf('resident1'), run: (w, a) => releaseClaim(w.db, a, claimAt(w, w.records.heldArea, w.records.heldClaim), {}, w.now) },
	// ten days into a twelve-month term: not yet time to renew
	'area.renew_own': { place: claimOf('resident1'), whenAllowed: 'claim_not_renewable', run: (w, a) => renewClaim(w.db, a, claimAt(w, w.records.heldArea, w.records.heldClaim), {}, w.now) },
	'area.revoke_claim': { place: claimOf('resident1'), run: (w, a) => revokeClaim(w.db, a, claimAt(w, w.records.heldArea, w.records.heldClaim), { reason: '多次未按時打理。' }, w.now) },
	// only the claim's people log care on it (resident1's claim; see EXPECTED_FOR)
	'area.log_care': { place: claimOf('resident1'), run: (w, a) => logCare(w.db, a, claimAt(w, w.records.heldArea, w.records.heldClaim), careForm(w.now), w.now) },
	'area.thank': { place: ownedBy('resident1'), run: (w, a) => thankLog(w.db, a, logAt(w), {}, w.now) },
	'area.nudge': { place: claimOf('resident1'), run: (w, a) => nudgeClaim(w.db, a, claimAt(w, w.records.riskArea, w.records.riskClaim), {}, w.now) },
	'area.check_log': { place: ownedBy('resident1'), run: (w, a) => checkLog(w.db, a, logAt(w), {}, w.now) },
	'area.reject_log': { place: ownedBy('resident1'), run: (w, a) => rejectLog(w.db, a, logAt(w), { reason: '照片與區域不符。' }, w.now) },
	'area.open_rating': { place: claimOf('resident1'), run: (w, a) => openUpkeepRating(w.db, a, claimAt(w, w.records.heldArea, w.records.heldClaim), {}, w.now) },
	'team.create': { place: inJinwei, run: (w, a) => createTeam(w.db, a, jinwei(w), { name: '韋園新村護綠隊', named: 'on' }, w.now) },
	'team.review': { place: inJinwei, run: (w, a) => reviewTeam(w.db, a, at(w, w.records.pendingTeam), { decision: 'approve' }, w.now) },
	// resident1 started the team (see EXPECTED_FOR)
	'team.join': { place: inJinwei, run: (w, a) => joinTeam(w.db, a, at(w, w.records.team), { named: 'on' }, w.now) },
	'team.leave': { place: inJinwei, whenAllowed: 'not_in_team', run: (w, a) => leaveTeam(w.db, a, at(w, w.records.team), {}, w.now) },
	// 吹哨派單
	'report.file': { place: inJinwei, run: (w, a) => fileReport(w.db, a, jinwei(w), { service: 'garbage', description: '垃圾桶滿了沒人收。', address: '金韋花園 5 棟' }, w.now) },
	'report.follow': { place: asNeighbour, run: (w, a) => followReport(w.db, a, report(w, w.records.dispatch.triage), {}, w.now) },
	'report.handle_on_spot': { place: inReportGrid, run: (w, a) => handleOnSpot(w.db, a, report(w, w.records.dispatch.triage), { note: '已當場清理乾淨。' }, w.now) },
	'report.triage': { place: inReportGrid, run: (w, a) => reclassifyReport(w.db, a, report(w, w.records.dispatch.triage), { service: 'noise' }, w.now) },
	'report.dispatch': { place: inReportGrid, run: (w, a) => dispatchReport(w.db, a, report(w, w.records.dispatch.triage), { departmentId: String(w.records.department) }, w.now) },
	'report.close_triage': { place: inReportGrid, run: (w, a) => closeAtTriage(w.db, a, report(w, w.records.dispatch.triage), { reason: 'no_action', note: '現場已恢復正常。' }, w.now) },
	'report.accept': { place: withDepartment, run: (w, a) => acceptReport(w.db, a, desk(w, w.records.dispatch.dispatched), {}, w.now) },
	'report.return': { place: withDepartment, run: (w, a) => returnReport(w.db, a, desk(w, w.records.dispatch.dispatched), { reason: '不屬於本隊職責範圍。' }, w.now) },
	'report.progress': { place: withDepartment, run: (w, a) => noteProgress(w.db, a, desk(w, w.records.dispatch.working), { note: '已聯繫環衛公司。' }, w.now) },
	'report.reply': { place: withDepartment, run: (w, a) => replyToReport(w.db, a, desk(w, w.records.dispatch.working), { note: '已清運完畢。' }, w.now) },
	'report.escalate_lead': {
		place: (w) => ({ ...inReportGrid(w), departmentId: null }),
		run: (w, a) => nameLead(w.db, a, desk(w, w.records.dispatch.escalated), { departmentId: String(w.records.department) }, w.now)
	},
	'report.verify': { place: asNeighbour, run: (w, a) => verifyReport(w.db, a, report(w, w.records.dispatch.replied), { decision: 'fixed' }, w.now) },
	'service.create': { place: onStreet, run: (w, a) => createService(w.db, a, street(w), serviceForm, w.now) },
	'service.update': {
		place: onStreet,
		run: (w, a) =>
			updateService(w.db, a, { ...street(w), id: w.records.dispatch.service }, { ...serviceForm, serviceId: String(w.records.dispatch.service), departmentId: String(w.records.department) }, w.now)
	},
	'service.calendar': { place: onStreet, run: (w, a) => setHolidays(w.db, a, street(w), { holidays: '2026-12-25\n2027-01-01' }, w.now) },
	'department.webhook': {
		place: (w) => ({ ...onStreet(w), departmentId: w.records.department }),
		run: (w, a) => setWebhook(w.db, a, { ...street(w), id: w.records.department }, { departmentId: String(w.records.department), url: 'https://dept.example/hook' }, w.now)
	},
	'department.queue_view': { place: (w) => ({ ...onStreet(w), departmentId: w.records.department }) },
	'open311.key_create': { place: onStreet, run: (w, a) => createKey(w.db, a, street(w), { name: '城市服務 App' }, w.now) },
	'open311.key_revoke': { place: onStreet, run: (w, a) => revokeKey(w.db, a, { ...street(w), id: w.records.dispatch.key }, { keyId: String(w.records.dispatch.key) }, w.now) }
};

/** The people who try every action: each role in the record's own community or street, elsewhere, and nobody. */
export const PEOPLE = [
	'resident1',
	'resident2',
	'resident9',
	'grid1',
	'grid_only',
	'committee1',
	'committee2',
	'street',
	'dept1',
	'admin',
	'newcomer',
	'street_b',
	'committee_b',
	'resident_b',
	null
] as const;
