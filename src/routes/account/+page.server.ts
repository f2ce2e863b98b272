import type { Actions, PageServerLoad } from './$types';
import { changePassword, updateProfile } from '$lib/server/auth/commands';
import { formAction, onSite, requireActor } from '$lib/server/http';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	return { username: actor.username, displayName: actor.displayName };
};

export const actions: Actions = {
	profile: formAction(updateProfile, { target: onSite, to: '/account', flash: 'flash_profile_saved', form: 'profile' }),
	// the session in use stays signed in; every other one is signed out
	password: formAction(changePassword, { target: (e) => ({ sessionId: e.locals.session?.id ?? null }), to: '/account', flash: 'flash_password_changed', form: 'password' })
};
