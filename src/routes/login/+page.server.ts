import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { login } from '$lib/server/auth/commands';
import { clientAddress, setSessionCookie } from '$lib/server/auth/handle';
import { failure, formObject, formValues, safeNext } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const result = await login(getDb(), formObject(data), clientAddress(event), Date.now());
		if (!result.ok) return failure(result, formValues(data));
		setSessionCookie(event, result.value.token, result.value.expiresAt);
		redirect(303, safeNext(String(data.get('next') ?? event.url.searchParams.get('next') ?? '/')));
	}
};
