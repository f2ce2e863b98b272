import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadArea } from '$lib/server/areas/records';
import { updateArea } from '$lib/server/areas/catalogue';
import { gridsOf } from '$lib/server/areas/queries';
import { t } from '$lib/server/i18n';
import { formAction, idParam, recordInCommunity, requireActor } from '$lib/server/http';
import { AREA_PHOTO } from '$lib/server/areas/validation';

export const load: PageServerLoad = async (event) => {
	const { community } = await event.parent();
	const actor = requireActor(event);
	const record = loadArea(getDb(), { communityId: community.id, id: idParam(event.params.id) });
	if (!record) error(404, t('error_not_found'));
	if (!updateArea.allows(actor, record, Date.now())) error(403, t('error_forbidden'));
	const a = record.area;
	const text = (v: number | null) => (v === null ? '' : String(v));
	return {
		id: a.id,
		grids: gridsOf(getDb(), community.id),
		values: {
			name: a.name,
			kind: a.kind,
			gridId: text(a.gridId),
			place: a.place,
			duties: a.duties,
			capacity: String(a.capacity),
			termMonths: String(a.termMonths),
			minCareDays: String(a.minCareDays),
			priority: a.priority ? 'on' : '',
			notAdoptable: a.adoptable ? '' : 'on',
			notAdoptableReason: a.notAdoptableReason ?? '',
			latitude: text(a.latitude),
			longitude: text(a.longitude)
		}
	};
};

export const actions: Actions = {
	default: formAction(updateArea, { target: recordInCommunity, to: (_v, e) => `/c/${e.params.slug}/areas/${e.params.id}`, flash: 'flash_area_updated', files: { photo: AREA_PHOTO } })
};
