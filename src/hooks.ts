import type { Transport } from '@sveltejs/kit';
import { ServerOnly } from '$lib/server-only';

export const transport: Transport = {
	// Never serialized (see $lib/server-only): a page that hydrated would be missing the value, so it says so.
	ServerOnly: {
		encode: (value) => value instanceof ServerOnly && [],
		decode: () => {
			throw new Error('ServerOnly data reached the browser: the page must keep csr = false');
		}
	}
};
