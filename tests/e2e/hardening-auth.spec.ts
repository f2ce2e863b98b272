// Guessing and mass registration over real parallel HTTP requests against the built server.
import { expect, test, type APIRequestContext, workerOrigin, workerPort } from './test';
import { unique } from './helpers';

const address = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const post = (request: APIRequestContext, path: string, form: Record<string, string>, from: string) =>
	// accept: text/html, as a browser without JavaScript sends it (else SvelteKit answers the action in JSON)
	request.post(path, { headers: { origin: workerOrigin(), 'x-forwarded-for': from, accept: 'text/html' }, form, maxRedirects: 0 });

const statuses = (responses: { status(): number }[]) =>
	responses.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status()]: (n[r.status()] ?? 0) + 1 }), {});

test('200 parallel wrong passwords: at most 5 are tried; the owner still signs in from elsewhere', async ({ playwright }) => {
	const name = `victim_${unique()}`;
	const password = 'harbour-lantern-58';
	// the account is made in a context of its own: its session cookie must not ride along with the guesses
	const registrar = await playwright.request.newContext({ baseURL: workerOrigin() });
	const registered = await post(registrar, '/register', { username: name, displayName: '被猜的人', password, passwordConfirm: password }, address());
	expect(registered.status()).toBe(303);
	await registrar.dispose();

	const request = await playwright.request.newContext({ baseURL: workerOrigin() });
	const attacker = address();
	const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => post(request, '/login', { username: name, password: `guess-${i}-xyz` }, attacker)));
	const counts = statuses(responses);
	console.log('200 parallel wrong passwords →', counts);
	const tried = responses.filter((r) => r.status() !== 429).length;
	expect(tried).toBeGreaterThan(0);
	expect(tried).toBeLessThanOrEqual(5);
	// even the right password waits at the guessing address…
	expect((await post(request, '/login', { username: name, password }, attacker)).status()).toBe(429);
	// …but not from the owner's own
	const owner = await post(request, '/login', { username: name, password }, address());
	expect(owner.status()).toBe(303);
	expect(owner.headers()['set-cookie']).toMatch(/session=/);
	await request.dispose();
});

test('40 parallel registrations from one address: at most 20 accounts are made', async ({ request }) => {
	const from = address();
	const tag = unique();
	const responses = await Promise.all(
		Array.from({ length: 40 }, (_, i) =>
			post(request, '/register', { username: `burst_${tag}_${i}`, displayName: '批量', password: 'quiet-orchard-73', passwordConfirm: 'quiet-orchard-73' }, from)
		)
	);
	const counts = statuses(responses);
	console.log('40 parallel registrations →', counts);
	expect(counts[303]).toBeGreaterThan(0);
	expect(counts[303]).toBeLessThanOrEqual(20);
	expect(counts[303] + (counts[429] ?? 0)).toBe(40);
	// another address is not held back
	const other = await post(request, '/register', { username: `calm_${tag}`, displayName: '鄰居', password: 'quiet-orchard-73', passwordConfirm: 'quiet-orchard-73' }, address());
	expect(other.status()).toBe(303);
});
