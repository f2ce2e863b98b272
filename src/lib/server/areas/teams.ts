// Volunteer teams (志願隊): residents create one (its creator is its first member), the committee approves it, then
// residents join and leave it and it may claim areas. Each member says whether they may be named in its lists.
import { and, eq } from 'drizzle-orm';
import { defineCommand } from '../kernel/command';
import { loadCommunity, communitySubject, type CommunityRecord } from '../org/records';
import { ok, err } from '../result';
import { committeeUserIds } from '../residency/queries';
import { teamMembers, teams } from './schema';
import { decisionSchema, joinSchema, nothing, teamSchema } from './validation';
import { loadTeam, teamSubject, teamsLink, type TeamRecord } from './records';

const onTeam = { load: loadTeam, subject: teamSubject };
const audited = ({ team }: TeamRecord, summary: Record<string, unknown>) => ({ subjectType: 'team', subjectId: team.id, summary: { name: team.name, ...summary } });

/** A resident starts a team under a name no other team of the community has; the committee is asked to approve it. */
export const createTeam = defineCommand({
	action: 'team.create',
	load: loadCommunity,
	subject: (c: CommunityRecord) => communitySubject(c),
	input: teamSchema,
	conflict: 'team_name_taken',
	run: ({ tx, actor, record: community, input, now, notify }) => {
		const team = tx
			.insert(teams)
			.values({ communityId: community.id, name: input.name, description: input.description, createdBy: actor.userId, createdAt: now })
			.returning({ id: teams.id })
			.get();
		tx.insert(teamMembers).values({ teamId: team.id, userId: actor.userId, named: input.named, joinedAt: now }).run();
		notify(committeeUserIds(tx, community.id), 'team_pending', { team: input.name, name: actor.displayName }, teamsLink(community));
		return ok(team);
	},
	audit: ({ input }, team) => ({ subjectType: 'team', subjectId: team.id, summary: { name: input.name } })
});

/** The committee approves a team, or declines it with a reason its creator reads. */
export const reviewTeam = defineCommand({
	action: 'team.review',
	...onTeam,
	rule: (_actor, { team }) => (team.state === 'pending' ? null : 'team_already_decided'),
	input: decisionSchema,
	run: ({ tx, actor, record: { team, community }, input, now, notify }) => {
		const state = input.decision === 'approve' ? 'approved' : 'rejected';
		const moved = tx
			.update(teams)
			.set({ state, decidedBy: actor.userId, decidedAt: now, decisionReason: input.reason || null })
			.where(and(eq(teams.id, team.id), eq(teams.state, 'pending')))
			.run();
		if (moved.changes === 0) return err('team_already_decided');
		notify([team.createdBy], state === 'approved' ? 'team_approved' : 'team_declined', { team: team.name }, teamsLink(community));
		return ok({ state });
	},
	audit: ({ record, input }, v) => audited(record, { decision: input.decision, state: v.state })
});

/** A resident joins an approved team (once: the primary key says so). */
export const joinTeam = defineCommand({
	action: 'team.join',
	...onTeam,
	rule: (actor, { team, memberIds }) => (team.state !== 'approved' ? 'team_not_approved' : memberIds.includes(actor.userId) ? 'already_in_team' : null),
	input: joinSchema,
	conflict: 'already_in_team',
	run: ({ tx, actor, record: { team }, input, now }) => {
		tx.insert(teamMembers).values({ teamId: team.id, userId: actor.userId, named: input.named, joinedAt: now }).run();
		return ok(null);
	},
	audit: ({ record, input }) => audited(record, { named: input.named })
});

/** A member leaves; the team's claims stay with the team. */
export const leaveTeam = defineCommand({
	action: 'team.leave',
	...onTeam,
	rule: (actor, { memberIds }) => (memberIds.includes(actor.userId) ? null : 'not_in_team'),
	input: nothing,
	run: ({ tx, actor, record: { team } }) => {
		const left = tx
			.delete(teamMembers)
			.where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, actor.userId)))
			.run();
		return left.changes === 1 ? ok(null) : err('not_in_team');
	},
	audit: ({ record }) => audited(record, {})
});
