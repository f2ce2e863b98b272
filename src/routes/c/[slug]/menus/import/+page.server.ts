import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { importPabulib } from '$lib/server/menus/import';
import { MAX_PB_BYTES } from '$lib/server/menus/validation';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formValues, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	if (!can(actor, 'menu.import_pabulib', { communityId: community.id, streetId: community.streetId })) error(403, t('error_forbidden'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const community = requireCommunity(event.params.slug);
		const actor = requireActor(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const file = data.get('file');
		const problem = (key: string) => fail(400, { values, errors: { file: t(key) }, message: t('error_invalid') });
		if (!(file instanceof File) || file.size === 0) return problem('err_menu_file_required');
		if (file.size > MAX_PB_BYTES) return problem('err_menu_file_too_big');
		const text = await file.text();
		const result = importPabulib(getDb(), actor, { communityId: community.id, text, title: values.title ?? '' }, Date.now());
		if (!result.ok) {
			if (result.error === 'invalid' && result.fields?.text) return problem(result.fields.text);
			return failure(result, values, event.url);
		}
		redirect(303, `/c/${community.slug}/menus/${result.value.id}/results`);
	}
};
