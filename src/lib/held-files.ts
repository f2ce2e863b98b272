// The hidden fields a form with held files sends back (components/FileField.svelte writes them, the server's
// formAction reads them: lib/server/http.ts): `held-{field}`, one per file, and `discard-{field}` when ticked.
export const heldField = (field: string) => `held-${field}`;
export const discardField = (field: string) => `discard-${field}`;

/** A held file as the form shows it again: its name, and the token the form sends back. */
export type HeldListing = { token: string; name: string };
