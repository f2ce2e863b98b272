import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { requireActor } from '$lib/server/http';
import { deskFor } from '$lib/server/desk/queries';

export const load: PageServerLoad = (event) => deskFor(getDb(), requireActor(event), Date.now());
