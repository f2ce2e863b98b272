import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { catalogueOf } from '$lib/server/dispatch/queries';
import { addAttribute, createService, removeAttribute, setHolidays, setWebhook, updateService } from '$lib/server/dispatch/catalogue';
import { createKey, revokeKey } from '$lib/server/dispatch/open311/keys';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inStreet, requireActor, requireStreet } from '$lib/server/http';

/** A new API key is shown once, on the page the form leads to: it waits in a short cookie of that page only. */
const NEW_KEY_COOKIE = 'open311_new_key';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const street = requireStreet(event.params.slug);
	if (!can(actor, 'street.manage_view', { streetId: street.id })) error(403, t('error_forbidden'));
	const newKey = event.cookies.get(NEW_KEY_COOKIE) ?? null;
	if (newKey) event.cookies.delete(NEW_KEY_COOKIE, { path: event.url.pathname });
	return { street: { slug: street.slug, name: street.name }, ...catalogueOf(getDb(), street.id), newKey };
};

const here = (_v: unknown, e: RequestEvent) => `/street/${e.params.slug}/dispatch/settings`;
/** The desk's forms name their record in a field; the street comes from the URL. */
const named = (field: string) => (e: RequestEvent, input: Record<string, unknown>) => ({ ...inStreet(e), id: idParam(String(input[field] ?? '')) });

export const actions: Actions = {
	createKey: formAction(createKey, {
		target: inStreet,
		to: (v, e) => {
			const path = here(v, e);
			e.cookies.set(NEW_KEY_COOKIE, v.key, { path, httpOnly: true, sameSite: 'strict', maxAge: 120 });
			return path;
		},
		flash: 'flash_key_created',
		form: 'createKey'
	}),
	revokeKey: formAction(revokeKey, { target: named('keyId'), to: here, flash: 'flash_key_revoked', form: 'revokeKey' }),
	holidays: formAction(setHolidays, { target: inStreet, to: here, flash: 'flash_holidays_saved', form: 'holidays' }),
	createService: formAction(createService, { target: inStreet, to: here, flash: 'flash_service_created', form: 'createService' }),
	updateService: formAction(updateService, { target: named('serviceId'), to: here, flash: 'flash_service_saved', form: 'updateService' }),
	addQuestion: formAction(addAttribute, { target: named('serviceId'), to: here, flash: 'flash_attribute_added', form: 'addQuestion' }),
	removeQuestion: formAction(removeAttribute, { target: named('serviceId'), to: here, flash: 'flash_attribute_removed', form: 'removeQuestion' }),
	webhook: formAction(setWebhook, { target: named('departmentId'), to: here, flash: 'flash_webhook_saved', form: 'webhook' })
};
