import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { login } from '$lib/server/auth/commands';
import { clientAddress, setSessionCookie } from '$lib/server/auth/handle';
import { failure, formObject, formValues, safeNext } from '$lib/server/http';
import { landing } from '$lib/server/desk/landing';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = url.searchParams.get('next');
	if (locals.user) redirect(303, next ? safeNext(next) : landing(getDb(), locals.user.id));
	// without a destination, signing in lands where the person works or lives (desk/landing.ts)
	const kept = next ? safeNext(next) : '';
	// say why the person was sent here: applying to live in a community, or any page that needs an account
	const reason = !kept || kept === '/' ? null : /^\/c\/[^/]+\/apply$/.test(kept) ? 'apply' : 'other';
	return { next: kept, reason };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const result = await login(getDb(), formObject(data), clientAddress(event), Date.now());
		if (!result.ok) return failure(result, formValues(data));
		setSessionCookie(event, result.value.token, result.value.expiresAt);
		const next = String(data.get('next') ?? event.url.searchParams.get('next') ?? '');
		redirect(303, next ? safeNext(next) : landing(getDb(), result.value.userId));
	}
};
