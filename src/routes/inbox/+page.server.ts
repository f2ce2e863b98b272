import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listInbox } from '$lib/server/notifications/queries';
import { markAllRead, markRead } from '$lib/server/notifications/commands';
import { t } from '$lib/server/i18n';
import { requireActor, safeNext } from '$lib/server/http';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const items = listInbox(getDb(), actor.userId, { limit: 50 });
	return { items: items.map((i) => ({ ...i, text: t(`notify_${i.kind}`, i.params) })) };
};

export const actions: Actions = {
	/** Opening an item marks it read, then goes where it points. */
	open: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const id = Number(data.get('id'));
		if (Number.isInteger(id) && id > 0) markRead(getDb(), actor.userId, [id], Date.now());
		redirect(303, safeNext(String(data.get('link') ?? '/inbox')));
	},
	// Back to the inbox with a redirect (not a page answering the post), so that reloading it posts nothing again.
	read: async (event) => {
		const actor = requireActor(event);
		const id = Number((await event.request.formData()).get('id'));
		if (Number.isInteger(id) && id > 0) markRead(getDb(), actor.userId, [id], Date.now());
		redirect(303, '/inbox');
	},
	readAll: (event) => {
		markAllRead(getDb(), requireActor(event).userId, Date.now());
		redirect(303, '/inbox');
	}
};
