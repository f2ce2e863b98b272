// The job runner and the outbox: idempotent jobs, leases across processes, retries, dead letters.
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { demoWorld, raceWorld } from './world';
import { runDueJobs, type Job } from '../../src/lib/server/jobs/runner';
import { deliverEffects, EFFECT_HANDLERS, enqueueEffect, MAX_ATTEMPTS, retryDelay } from '../../src/lib/server/jobs/outbox';
import { jobRuns, outbox } from '../../src/lib/server/jobs/schema';
import { JOBS } from '../../src/lib/server/jobs/registry';
import { retryEffect } from '../../src/lib/server/jobs/commands';
import { defineCommand } from '../../src/lib/server/kernel/command';
import { loadCommunity, communitySubject } from '../../src/lib/server/org/records';
import { err } from '../../src/lib/server/result';
import { sessions } from '../../src/lib/server/auth/schema';
import { rateEvents } from '../../src/lib/server/rate-limit/schema';
import { DAY, HOUR, MINUTE } from '../../src/lib/server/db/time';

const counter = (name: string, everyMs: number) => {
	const job = { name, everyMs, runs: 0, run: () => void job.runs++ };
	return job;
};

describe('the job runner', () => {
	it('runs a job when it is due, once, and again after its interval', async () => {
		const w = demoWorld();
		const job = counter('test.count', HOUR);
		expect(await runDueJobs(w.db, [job], w.now)).toEqual(['test.count']);
		expect(await runDueJobs(w.db, [job], w.now + MINUTE)).toEqual([]);
		expect(await runDueJobs(w.db, [job], w.now + HOUR)).toEqual(['test.count']);
		expect(job.runs).toBe(2);
	});

	it('a failing job records its error and does not stop the others', async () => {
		const w = demoWorld();
		const ok = counter('test.ok', MINUTE);
		const broken: Job = { name: 'test.broken', everyMs: MINUTE, run: () => { throw new Error('disk full'); } };
		const original = console.error;
		console.error = () => {};
		try {
			expect(await runDueJobs(w.db, [broken, ok], w.now)).toEqual(['test.ok']);
		} finally {
			console.error = original;
		}
		expect(w.db.select().from(jobRuns).where(eq(jobRuns.name, 'test.broken')).get()).toMatchObject({ lastError: 'disk full', leaseUntil: null });
	});

	it('another process holding the lease keeps this one from running it; a lease left by a crash expires', async () => {
		const w = raceWorld();
		try {
			const job = counter('test.leased', MINUTE);
			w.rival.insert(jobRuns).values({ name: job.name, leaseUntil: w.now + 5 * MINUTE }).run();
			expect(await runDueJobs(w.db, [job], w.now)).toEqual([]);
			expect(await runDueJobs(w.db, [job], w.now + 11 * MINUTE)).toEqual([job.name]);
		} finally {
			w.close();
		}
	});

	it('schedules the reminders, the outbox, expired sessions and old rate-limit rows', async () => {
		const w = demoWorld();
		expect(JOBS.map((j) => j.name).sort()).toEqual(['areas.lapse', 'dispatch.reminders', 'effects.deliver', 'evaluations.snapshot', 'held_uploads.delete_expired', 'menus.reminders', 'rate_limits.prune', 'ratings.invite', 'sessions.delete_expired']);
		w.db.insert(sessions).values({ id: 'old', userId: w.ids.user.resident1, expiresAt: w.now - 1, createdAt: w.now - DAY, lastSeenAt: w.now - DAY }).run();
		w.db.insert(sessions).values({ id: 'live', userId: w.ids.user.resident1, expiresAt: w.now + DAY, createdAt: w.now, lastSeenAt: w.now }).run();
		w.db.insert(rateEvents).values([{ bucket: 'b', key: 'k', at: w.now - 2 * DAY }, { bucket: 'b', key: 'k', at: w.now - HOUR }]).run();
		await runDueJobs(w.db, JOBS, w.now);
		expect(w.db.select({ id: sessions.id }).from(sessions).all().map((s) => s.id)).toEqual(['live']);
		expect(w.db.select().from(rateEvents).all()).toHaveLength(1);
		// running everything again at once is harmless
		expect(await runDueJobs(w.db, JOBS, w.now, true)).toHaveLength(JOBS.length);
	});
});

describe('the outbox', () => {
	it('an effect queued by a command that is refused inside its transaction is never sent', () => {
		const w = demoWorld();
		const refusing = defineCommand({
			action: 'community.settings',
			load: loadCommunity,
			subject: communitySubject,
			input: z.object({}),
			run: ({ effect }) => {
				effect('webhook', { url: 'http://127.0.0.1:9/x' });
				return err('changed_meanwhile');
			},
			audit: () => ({ subjectType: 'community', subjectId: null })
		});
		expect(refusing(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, {}, w.now)).toEqual({ ok: false, error: 'changed_meanwhile' });
		expect(w.db.select().from(outbox).all()).toEqual([]);
	});

	it('retries a failing effect with growing pauses, then sends it', async () => {
		const w = demoWorld();
		enqueueEffect(w.db, 'webhook', { n: 1 }, w.now);
		let calls = 0;
		const handler = { webhook: async () => { calls++; if (calls < 3) throw new Error('busy'); } };
		expect(await deliverEffects(w.db, w.now, handler)).toEqual({ sent: 0, retried: 1, dead: 0 });
		expect(await deliverEffects(w.db, w.now + retryDelay(1) - 1, handler)).toEqual({ sent: 0, retried: 0, dead: 0 });
		expect(await deliverEffects(w.db, w.now + retryDelay(1), handler)).toEqual({ sent: 0, retried: 1, dead: 0 });
		expect(await deliverEffects(w.db, w.now + retryDelay(1) + retryDelay(2), handler)).toEqual({ sent: 1, retried: 0, dead: 0 });
		expect(w.db.select().from(outbox).get()).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
	});

	it('parks an effect as dead after too many failures; the admin can send it again', async () => {
		const w = demoWorld();
		enqueueEffect(w.db, 'webhook', { n: 1 }, w.now);
		const failing = { webhook: async () => { throw new Error('HTTP 500'); } };
		let now = w.now;
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			await deliverEffects(w.db, now, failing);
			now += 2 * HOUR;
		}
		const dead = w.db.select().from(outbox).get()!;
		expect(dead).toMatchObject({ state: 'dead', attempts: MAX_ATTEMPTS, lastError: 'HTTP 500' });
		expect(retryEffect(w.db, w.actor('street'), { id: dead.id }, {}, now)).toEqual({ ok: false, error: 'forbidden' });
		expect(retryEffect(w.db, w.actor('admin'), { id: dead.id }, {}, now)).toEqual({ ok: true, value: null });
		expect(retryEffect(w.db, w.actor('admin'), { id: dead.id }, {}, now)).toEqual({ ok: false, error: 'effect_not_dead' });
		expect(await deliverEffects(w.db, now, { webhook: async () => {} })).toEqual({ sent: 1, retried: 0, dead: 0 });
	});

	it('two processes delivering at once send each effect once', async () => {
		const w = raceWorld();
		try {
			for (let i = 0; i < 10; i++) enqueueEffect(w.db, 'webhook', { n: i }, w.now);
			const sent: number[] = [];
			const slow = { webhook: async (p: Record<string, unknown>) => { await new Promise((r) => setTimeout(r, 5)); sent.push(Number(p.n)); } };
			await Promise.all([deliverEffects(w.db, w.now, slow), deliverEffects(w.rival, w.now, slow)]);
			expect(sent.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		} finally {
			w.close();
		}
	});

	it('the webhook handler posts the body as JSON with an idempotency key, and fails on a non-2xx answer', async () => {
		const received: { key: string | undefined; body: string }[] = [];
		let status = 200;
		const server = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				received.push({ key: req.headers['idempotency-key'] as string | undefined, body });
				res.writeHead(status).end();
			});
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
		try {
			await EFFECT_HANDLERS.webhook({ url, body: { report: 7, 狀態: '已派單' } }, 42);
			expect(received).toEqual([{ key: 'effect-42', body: JSON.stringify({ report: 7, 狀態: '已派單' }) }]);
			status = 503;
			await expect(EFFECT_HANDLERS.webhook({ url, body: {} }, 43)).rejects.toThrow('HTTP 503');
			await expect(EFFECT_HANDLERS.webhook({ url: 'file:///etc/passwd', body: {} }, 44)).rejects.toThrow('not a web address');
		} finally {
			server.close();
		}
	});
});
