// Every page here is rendered on the server only (csr = false in src/routes/+layout.ts), yet SvelteKit still turns
// each load's data into a script for the browser to hydrate from (devalue's uneval), which no page writes out: on
// the proposal list that was a tenth of the time a request took. A value wrapped in ServerOnly reaches the page's
// component as it is and is turned into nothing (the transport hook in src/hooks.ts).

/** Data a page renders and no browser needs. */
export class ServerOnly<T> {
	constructor(readonly value: T) {}
}
