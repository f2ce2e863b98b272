import type { Actions, PageServerLoad } from './$types';
import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { teamsPage } from '$lib/server/areas/volunteers';
import { communityAreaAbilities, teamAbilities } from '$lib/server/areas/abilities';
import { createTeam, joinTeam, leaveTeam, reviewTeam } from '$lib/server/areas/teams';
import { renderMarkdown } from '$lib/markdown';
import { formAction, idParam, inCommunity } from '$lib/server/http';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { community } = await parent();
	const now = Date.now();
	const actor = locals.actor;
	const teams = teamsPage(getDb(), community.id, now).map((t) => {
		const may = teamAbilities(actor, { team: t as never, community, memberIds: t.memberIds }, now);
		return {
			id: t.id,
			name: t.name,
			descriptionHtml: t.description ? renderMarkdown(t.description) : null,
			state: t.state,
			reasonHtml: t.decisionReason ? renderMarkdown(t.decisionReason) : null,
			named: t.named,
			unnamed: t.unnamed,
			members: t.memberIds.length,
			member: actor ? t.memberIds.includes(actor.userId) : false,
			hoursThisYear: t.hoursThisYear,
			hoursAll: t.hoursAll,
			claims: t.claims,
			can: { review: may.review, join: may.join, leave: may.leave }
		};
	});
	return { teams, canCreate: communityAreaAbilities(actor, community, now).createTeam };
};

const here = (_v: unknown, e: { url: URL }) => e.url.pathname;
const onTeam = (e: RequestEvent, input: Record<string, unknown>) => ({ ...inCommunity(e), id: idParam(String(input.teamId ?? '')) });

export const actions: Actions = {
	create: formAction(createTeam, { target: inCommunity, to: here, flash: 'flash_team_created', form: 'create' }),
	review: formAction(reviewTeam, { target: onTeam, to: here, flash: (v) => (v.state === 'approved' ? 'flash_team_approved' : 'flash_team_declined'), form: 'review' }),
	join: formAction(joinTeam, { target: onTeam, to: here, flash: 'flash_team_joined', form: 'join' }),
	leave: formAction(leaveTeam, { target: onTeam, to: here, flash: 'flash_team_left', form: 'leave' })
};
