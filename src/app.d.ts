import type { Actor } from '$lib/server/policy';
import type { Session, SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The signed-in person with verified memberships, or null for a visitor. */
			actor: Actor | null;
			largeText: boolean;
			/** This request moved the session's expiry, so its answer carries the session cookie again. */
			sessionRenewed: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
