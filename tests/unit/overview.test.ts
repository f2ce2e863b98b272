import { describe, expect, it } from 'vitest';
import { demoWorld } from './world';
import { propose, proposalAt } from './proposals/helpers';
import { makeMenu } from './menus/helpers';
import { createProposal, withdrawProposal } from '../../src/lib/server/proposals/commands';
import { activityByCommunity } from '../../src/lib/server/overview';

describe("the street's home page activity", () => {
	it('counts proposals still open and menus whose vote is open, per community', () => {
		const w = demoWorld();
		propose(w, 'resident1');
		propose(w, 'resident2');
		const withdrawn = propose(w, 'resident3');
		withdrawProposal(w.db, w.actor('resident3'), proposalAt(w.db, withdrawn), {}, w.now);
		const fh = createProposal(w.db, w.actor('resident9'), { communityId: w.ids.community.fenghuangshan }, { title: '鳳凰苑路燈不亮', body: '鳳凰苑 6 棟前的路燈壞了兩週。', category: 'facilities' }, w.now);
		expect(fh.ok).toBe(true);
		makeMenu(w, 'vote');
		makeMenu(w, 'collect');
		makeMenu(w, 'results');
		makeMenu(w, 'vote', { community: 'fenghuangshan' });
		const activity = activityByCommunity(w.db, w.now);
		expect(activity.get(w.ids.community.jinwei)).toEqual({ openProposals: 2, votingMenus: 1 });
		expect(activity.get(w.ids.community.fenghuangshan)).toEqual({ openProposals: 1, votingMenus: 1 });
		expect(activity.get(w.ids.community.shuangshui)).toBeUndefined();
	});
});
