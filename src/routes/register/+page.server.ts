import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { register } from '$lib/server/auth/commands';
import { clientAddress, setSessionCookie } from '$lib/server/auth/handle';
import { failure, formObject, formValues, safeNext, setFlash } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = url.searchParams.get('next');
	if (locals.user) redirect(303, next ? safeNext(next) : '/my');
	return { next: next ? safeNext(next) : '' };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const result = await register(getDb(), formObject(data), clientAddress(event), Date.now());
		if (!result.ok) return failure(result, formValues(data));
		setSessionCookie(event, result.value.token, result.value.expiresAt);
		// back to what the person set out to do (the residency form, say), or to their page with what comes next
		const next = String(data.get('next') ?? '');
		if (next && safeNext(next) !== '/') {
			setFlash(event.cookies, 'flash_registered');
			redirect(303, safeNext(next));
		}
		redirect(303, '/my?welcome=1');
	}
};
