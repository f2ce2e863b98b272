import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { changePassword, updateProfile } from '$lib/server/auth/commands';
import { failure, formObject, formValues, requireActor } from '$lib/server/http';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	return { username: actor.username, displayName: actor.displayName };
};

export const actions: Actions = {
	profile: async (event) => {
		const data = await event.request.formData();
		const result = updateProfile(getDb(), requireActor(event), formObject(data), Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		return { profileSaved: true };
	},
	password: async (event) => {
		const data = await event.request.formData();
		const actor = requireActor(event);
		const result = await changePassword(getDb(), actor, event.locals.session!.id, formObject(data), Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		return { passwordChanged: true };
	}
};
