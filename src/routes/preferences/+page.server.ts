import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LOCALES, LOCALE_COOKIE, TEXT_SIZE_COOKIE } from '$lib/server/i18n';
import { safeNext } from '$lib/server/http';

const YEAR = 60 * 60 * 24 * 365;

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	locale: async ({ request, cookies }) => {
		const data = await request.formData();
		const locale = String(data.get('locale') ?? '');
		if ((LOCALES as readonly string[]).includes(locale)) {
			cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: YEAR });
		}
		redirect(303, safeNext(String(data.get('redirectTo') ?? '/')));
	},
	textsize: async ({ request, cookies }) => {
		const data = await request.formData();
		if (data.get('large') === '1') cookies.set(TEXT_SIZE_COOKIE, 'large', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: YEAR });
		else cookies.delete(TEXT_SIZE_COOKIE, { path: '/' });
		redirect(303, safeNext(String(data.get('redirectTo') ?? '/')));
	}
};
