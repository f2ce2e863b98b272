// Telling residents when voting opens and when it is about to close. Phases change by date without anyone acting,
// so the job runner calls runMenuReminders every minute; the (menu, kind) key of menu_reminders makes every reminder once-only.
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { notify } from '../notifications/commands';
import { verifiedResidentIds } from '../residency/queries';
import { ballots, menuReminders, menus, type REMINDER_KINDS } from './schema';
import { communities } from '../org/schema';
import { menuLink, type MenuRecord } from './records';
import { closingReminderDue, currentPhase } from './rules';

type Kind = (typeof REMINDER_KINDS)[number];

/** Claims the (menu, kind) reminder; false when it was already sent. */
export function claimReminder(tx: DbOrTx, menuId: number, kind: Kind, recipients: number, now: number): boolean {
	const res = tx.insert(menuReminders).values({ menuId, kind, recipients, sentAt: now }).onConflictDoNothing().run();
	return res.changes === 1;
}

function voterIds(tx: DbOrTx, menuId: number): Set<number> {
	return new Set(
		tx
			.select({ v: ballots.voterId })
			.from(ballots)
			.where(eq(ballots.menuId, menuId))
			.all()
			.map((r) => r.v)
			.filter((v): v is number => v !== null)
	);
}

/** Sends whatever is due for one menu, inside the caller's transaction. Returns the kinds sent. */
export function sendDueReminders(tx: DbOrTx, { menu, community }: MenuRecord, now: number): Kind[] {
	if (menu.source !== 'native') return [];
	const sent: Kind[] = [];
	const phase = currentPhase(menu, now);
	if (phase !== 'vote') return sent;
	const link = menuLink(community, menu.id, '/ballot');
	const params = { menu: menu.title, community: community.name };
	const residents = verifiedResidentIds(tx, community.id);
	if (claimReminder(tx, menu.id, 'vote_open', residents.length, now)) {
		notify(tx, residents, 'menu_vote_open', params, link, now);
		sent.push('vote_open');
	}
	if (closingReminderDue(menu, now)) {
		const voted = voterIds(tx, menu.id);
		const waiting = residents.filter((id) => !voted.has(id));
		if (claimReminder(tx, menu.id, 'vote_closing', waiting.length, now)) {
			notify(tx, waiting, 'menu_vote_closing', params, link, now);
			sent.push('vote_closing');
		}
	}
	return sent;
}

/** Every menu whose vote is open gets its due reminders. Safe to call as often as wanted. */
export function runMenuReminders(db: Db, now: number): { menuId: number; kind: Kind }[] {
	const candidates = db
		.select({ menu: menus, community: communities })
		.from(menus)
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.where(
			and(
				eq(menus.source, 'native'),
				isNull(menus.resultsPublishedAt),
				or(and(lte(menus.voteStartsAt, now), gt(menus.resultsStartsAt, now)), eq(menus.advancedTo, 'vote'))
			)
		)
		.all();
	const sent: { menuId: number; kind: Kind }[] = [];
	for (const loaded of candidates) {
		if (currentPhase(loaded.menu, now) !== 'vote') continue;
		const kinds = db.transaction((tx) => sendDueReminders(tx, loaded, now), { behavior: 'immediate' });
		for (const kind of kinds) sent.push({ menuId: loaded.menu.id, kind });
	}
	return sent;
}
