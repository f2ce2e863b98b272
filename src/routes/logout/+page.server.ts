import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { invalidateSession } from '$lib/server/auth/sessions';
import { deleteSessionCookie } from '$lib/server/auth/handle';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: (event) => {
		if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
		deleteSessionCookie(event);
		redirect(303, '/');
	}
};
