// The kernel's promises that hold for every command: a record is acted on only under the URL of its own
// community or street (otherwise it is not found), and a refused command writes nothing.
import { describe, expect, it } from 'vitest';
import { matrixWorld, everything } from './authorization/fixture';
import { secondProposal } from '../../src/lib/server/proposals/commands';
import { postComment } from '../../src/lib/server/consultations/commands';
import { castBallot } from '../../src/lib/server/menus/ballots';
import { addSpendingLine } from '../../src/lib/server/menus/implementation/commands';
import { reviewApplication, revokeMembership } from '../../src/lib/server/residency/commands';
import { updateDepartment } from '../../src/lib/server/org/commands';

describe('a record named under another community or street is not found', () => {
	const cases = [
		['a proposal', (w: ReturnType<typeof matrixWorld>, c: number) => secondProposal(w.db, w.actor('resident9'), { communityId: c, id: w.records.other }, {}, w.now)],
		['a thread', (w: ReturnType<typeof matrixWorld>, c: number) => postComment(w.db, w.actor('resident9'), { communityId: c, id: w.records.thread }, { body: '路過', stance: 'neutral' }, w.now)],
		['a menu', (w: ReturnType<typeof matrixWorld>, c: number) => castBallot(w.db, w.actor('resident9'), { communityId: c, id: w.records.voting }, { projectIds: [String(w.records.votingProject)] }, w.now)],
		['a project', (w: ReturnType<typeof matrixWorld>, c: number) => addSpendingLine(w.db, w.actor('street'), { communityId: c, menuId: w.records.published, projectId: w.records.project }, { item: '電線', planned: '2000' }, w.now)],
		['an application', (w: ReturnType<typeof matrixWorld>, c: number) => reviewApplication(w.db, w.actor('committee2'), { communityId: c, id: w.records.application }, { decision: 'verify' }, w.now)]
	] as const;
	for (const [what, attempt] of cases) {
		it(`${what} of 金韋 under 鳳凰山's address, by someone who may act in 鳳凰山`, () => {
			const w = matrixWorld();
			try {
				const before = everything(w.db);
				expect(attempt(w, w.ids.community.fenghuangshan)).toEqual({ ok: false, error: 'not_found' });
				expect(everything(w.db)).toBe(before);
			} finally {
				w.close();
			}
		});
	}

	it('a membership or a department of one street under another street', () => {
		const w = matrixWorld();
		try {
			const before = everything(w.db);
			expect(revokeMembership(w.db, w.actor('street_b'), { streetId: w.records.otherStreet, id: w.records.gridWorkerMembership }, {}, w.now)).toEqual({ ok: false, error: 'not_found' });
			expect(updateDepartment(w.db, w.actor('street_b'), { streetId: w.records.otherStreet, id: w.records.department }, { name: '改名', contact: '' }, w.now)).toEqual({ ok: false, error: 'not_found' });
			expect(everything(w.db)).toBe(before);
		} finally {
			w.close();
		}
	});
});
