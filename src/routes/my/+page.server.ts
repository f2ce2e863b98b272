import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { membershipsOfUser } from '$lib/server/residency/queries';
import { myBallots, myProposals, mySeconds, myThreads } from '$lib/server/my-activity';
import { requireActor } from '$lib/server/http';
import { ratableFor } from '$lib/server/ratings/queries';
import { myAreas } from '$lib/server/areas/volunteers';
import { myReports } from '$lib/server/dispatch/queries';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	return {
		welcome: event.url.searchParams.has('welcome'),
		displayName: actor.displayName,
		memberships: membershipsOfUser(getDb(), actor.userId),
		proposals: myProposals(getDb(), actor.userId),
		reports: myReports(getDb(), actor.userId),
		seconded: mySeconds(getDb(), actor.userId),
		threads: myThreads(getDb(), actor.userId),
		ballots: myBallots(getDb(), actor.userId),
		toRate: ratableFor(getDb(), actor.userId, Date.now()),
		areas: myAreas(getDb(), actor.userId, Date.now())
	};
};
