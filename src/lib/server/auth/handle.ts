import type { Handle, RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db/client';
import { applyStaffLimits, invalidateSession, SESSION_COOKIE, validateSessionToken } from './sessions';
import { isStaff } from '../policy';
import { loadActor } from '../residency/queries';

export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

const secure = () => (process.env.ORIGIN ?? '').startsWith('https:');

export function setSessionCookie(event: Pick<RequestEvent, 'cookies'>, token: string, expiresAt: number) {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(),
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(event: Pick<RequestEvent, 'cookies'>) {
	event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure() });
}

export const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.actor = null;
	event.locals.sessionRenewed = false;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const db = getDb();
		const found = validateSessionToken(db, token, Date.now());
		if (found) {
			const actor = loadActor(db, found.user, clientAddress(event));
			const session = isStaff(actor.memberships) ? applyStaffLimits(db, found.session) : found.session;
			if (session.expiresAt <= Date.now()) {
				invalidateSession(db, session.id);
				deleteSessionCookie(event);
				return resolve(event);
			}
			event.locals.user = found.user;
			event.locals.session = session;
			event.locals.actor = actor;
			// Residents' sessions slide and staff limits shorten them: the cookie's expiry follows the row's whenever
			// it moves (only then, so that most answers set no cookie and a kept page can serve them).
			if (found.renewed || session !== found.session) {
				event.locals.sessionRenewed = true;
				setSessionCookie(event, token, session.expiresAt);
			}
		} else {
			deleteSessionCookie(event);
		}
	}
	return resolve(event);
};
