// The restore drill of continuous replication (README, "Backups and replication"): the server runs as `npm start`
// runs it with REPLICA_URL set, under Litestream, replicating to a folder. Voters send ballots; the replica catches
// up while the server runs; more ballots arrive and the server is stopped right after the last one; the database
// file is deleted, and `npm run db:restore` brings back every acknowledged ballot from the replica alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test, workerDatabase, workerPort } from './test';
import { addVoters } from '../../src/scripts/voters';
import { sessionIdOf } from '../../src/lib/server/auth/sessions';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with a child's exit code once it has exited (at once if it already has). */
const exited = (child: ChildProcess) =>
	new Promise<number | null>((done) =>
		child.exitCode !== null || child.signalCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))
	);

/** Runs a node script to its end; its output comes back for the failure message. */
function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
	return exited(child).then((code) => ({ code, output }));
}

/** Each voter's stored choices in `file` (project ids, sorted, joined by commas), keyed by the voter's number in `tokens`. */
function storedBallots(file: string, menuId: number, tokens: string[]): Map<number, string> {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const rows = db
			.prepare(
				`SELECT s.id AS session, group_concat(c.project_id) AS projects FROM sessions s
				 JOIN ballots b ON b.voter_id = s.user_id AND b.menu_id = ? JOIN ballot_choices c ON c.ballot_id = b.id GROUP BY s.id`
			)
			.all(menuId) as { session: string; projects: string }[];
		const bySession = new Map(
			rows.map((r) => [
				r.session,
				r.projects
					.split(',')
					.map(Number)
					.sort((x, y) => x - y)
					.join(',')
			])
		);
		return new Map(tokens.flatMap((token, i) => (bySession.has(sessionIdOf(token)) ? [[i, bySession.get(sessionIdOf(token))!] as [number, string]] : [])));
	} finally {
		db.close();
	}
}

/** The voters whose acknowledged ballot `file` lacks or holds differently. */
function missingFrom(file: string, menuId: number, tokens: string[], acknowledged: Map<number, string>): number[] {
	const stored = storedBallots(file, menuId, tokens);
	return [...acknowledged].filter(([voter, choices]) => stored.get(voter) !== choices).map(([voter]) => voter);
}

test('a database file deleted after ballots comes back from the replica with every acknowledged ballot', async () => {
	test.setTimeout(120_000);
	const started = Date.now();
	const marks: string[] = [];
	const mark = (what: string) => marks.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const dir = `tmp/replica-drill-${workerPort()}`;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const file = `${dir}/app.db`;
	// a seeded database in a moment: a copy of this worker's fresh demo database, plus 240 signed-in voters
	const source = new Database(workerDatabase(), { readonly: true });
	await source.backup(file);
	source.close();
	const { tokens, menu } = addVoters(file, 240);
	const [a, b, c, d, e] = menu.projectIds;
	const choices = [
		[a, b],
		[b, c, d],
		[a, c, e],
		[c, d, e],
		[a, d],
		[b, e]
	].map((ids) => ids.sort((x, y) => x - y));

	const port = workerPort() + 5;
	const origin = `http://localhost:${port}`;
	const env = { ...process.env, DATABASE_URL: file, REPLICA_URL: `${dir}/replica`, PORT: String(port), ORIGIN: origin };
	const answers = () =>
		fetch(`${origin}/`).then(
			(r) => r.ok,
			() => false
		);
	const servers: ChildProcess[] = [];
	let log = '';
	/** `npm start` with the replica configured, in its own process group (a failed test stops all of it at once). */
	const start = async () => {
		const server = spawn(process.execPath, ['src/scripts/start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		servers.push(server);
		for (const stream of [server.stdout!, server.stderr!]) stream.on('data', (chunk) => (log += chunk));
		const until = Date.now() + 30_000;
		while (!(await answers())) {
			expect(Date.now() < until && server.exitCode === null, `the server answers (log: ${log.slice(-4000)})`).toBe(true);
			await sleep(200);
		}
		return server;
	};
	/** A clean stop, as a service manager stops it: SIGTERM to `npm start`, which exits when Litestream has synced. */
	const stop = async (server: ChildProcess) => {
		process.kill(server.pid!, 'SIGTERM');
		expect(await exited(server), `a clean stop (log: ${log.slice(-4000)})`).toBe(0);
	};

	const acknowledged = new Map<number, string>();
	let lastAck = 0;
	/** Voter `i` votes for choice set `k`; a 303 is the server's acknowledgement. */
	const vote = async (i: number, k: number) => {
		const response = await fetch(`${origin}/c/jinwei/menus/${menu.id}/ballot?/vote`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html', cookie: `session=${tokens[i]}` },
			body: choices[k].map((id) => `projectIds=${id}`).join('&')
		});
		expect(response.status, `voter ${i}`).toBe(303);
		acknowledged.set(i, choices[k].join(','));
		lastAck = Date.now();
	};
	/** Sends the ballots eight at a time, as a busy morning at the polls. */
	const wave = async (ballots: [number, number][]) => {
		const queue = [...ballots];
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				for (let next = queue.shift(); next; next = queue.shift()) await vote(...next);
			})
		);
	};

	try {
		mark('prepared');
		const server = await start();
		mark('serving');

		// 1. While the server runs: 160 ballots, then the replica catches up on its own (this is what a lost disk keeps)
		await wave(Array.from({ length: 160 }, (_, i) => [i, i % choices.length] as [number, number]));
		const firstWave = lastAck;
		mark('first wave');
		// a restore now and again until one holds them all: how far behind the replica runs
		let lag = 0;
		let probes = 0;
		for (let n = 0; ; n++) {
			const probing = Date.now();
			const probe = await runScript(['src/scripts/restore.js', `${dir}/while-running-${n}.db`], env);
			expect(probe.code, probe.output).toBe(0);
			const missing = missingFrom(`${dir}/while-running-${n}.db`, menu.id, tokens, acknowledged);
			if (missing.length === 0) {
				lag = probing - firstWave;
				probes = n + 1;
				break;
			}
			expect(Date.now() - firstWave, `ballots the running replica still lacks: ${missing}`).toBeLessThan(15_000);
		}
		mark('restored while running');

		// 2. 80 more ballots (20 of them changed), and a clean stop right after the last acknowledgement
		await wave([
			...Array.from({ length: 60 }, (_, i) => [160 + i, i % choices.length] as [number, number]),
			...Array.from({ length: 20 }, (_, i) => [i, (i + 3) % choices.length] as [number, number])
		]);
		const stopping = Date.now();
		await stop(server);
		const stopMs = Date.now() - stopping;
		mark('second wave and stop');
		expect(log).toContain('litestream shut down');

		// 3. The disk is lost: the database, its WAL and what Litestream kept beside it are gone
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
		rmSync(`${dir}/.app.db-litestream`, { recursive: true, force: true });
		const restored = await runScript(['src/scripts/restore.js', `${dir}/restored.db`], env);
		expect(restored.code, restored.output).toBe(0);
		expect(restored.output).toContain('integrity ok');
		expect(acknowledged.size).toBe(220);
		expect(missingFrom(`${dir}/restored.db`, menu.id, tokens, acknowledged), 'acknowledged ballots missing after the restore').toEqual([]);
		const back = storedBallots(`${dir}/restored.db`, menu.id, tokens).size;
		mark('restored');
		const check = new Database(`${dir}/restored.db`, { readonly: true });
		expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
		check.close();

		// 4. `npm start` on the lost disk restores the database before it serves
		const again = await start();
		await stop(again);
		expect(missingFrom(file, menu.id, tokens, acknowledged), 'acknowledged ballots missing after a start on the lost disk').toEqual([]);
		mark('restored by npm start');

		console.log(
			`replication drill: ${acknowledged.size} voters' ballots acknowledged (20 of them changed once), ${back} restored; ` +
				`while running, a restore begun ${lag} ms after the first wave's last acknowledgement had all 160 (try ${probes}); stop took ${stopMs} ms` +
				`${log.includes('known harmless') ? " (with Litestream 0.3.13's false alarm on closing)" : ''}; ${marks.join(', ')}`
		);
		rmSync(dir, { recursive: true, force: true });
	} finally {
		// whatever is left of a group (Litestream, the server under it) goes; after a clean stop nothing is
		for (const server of servers) {
			try {
				process.kill(-server.pid!, 'SIGKILL');
			} catch {
				// no such group: everything in it exited
			}
		}
	}
});
