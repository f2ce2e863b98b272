import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { register } from '$lib/server/auth/commands';
import { clientAddress, setSessionCookie } from '$lib/server/auth/handle';
import { failure, formObject, formValues } from '$lib/server/http';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/my');
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const result = await register(getDb(), formObject(data), clientAddress(event), Date.now());
		if (!result.ok) return failure(result, formValues(data));
		setSessionCookie(event, result.value.token, result.value.expiresAt);
		redirect(303, '/my?welcome=1');
	}
};
