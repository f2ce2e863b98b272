import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { headerData } from '$lib/server/header';
import { takeFlash } from '$lib/server/http';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	...headerData(getDb(), locals),
	/** What the last form did, said once on the page it led to. */
	flash: takeFlash(cookies)
});
