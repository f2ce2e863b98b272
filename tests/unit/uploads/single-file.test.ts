// A field that takes one file (a Pabulib election): a file chosen after a refusal takes the place of the one
// held, instead of being sent beside it (two files, where one is allowed, would be refused again).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { getDb } from '../../../src/lib/server/db/client';
import { seedFoundation } from '../../../src/scripts/demo/foundation';
import { users } from '../../../src/lib/server/auth/schema';
import { loadActor } from '../../../src/lib/server/residency/queries';
import { heldUploads } from '../../../src/lib/server/uploads/schema';
import { holdFiles } from '../../../src/lib/server/uploads/held';
import { heldField, readFormFiles } from '../../../src/lib/server/http';
import { PB_FILE } from '../../../src/lib/server/menus/validation';

process.env.DATABASE_URL = join(mkdtempSync(join(tmpdir(), 'held-one-')), 'app.db');
beforeAll(() => seedFoundation(getDb(), '$argon2id$v=19$m=19456,t=2,p=1$fake$fake', Date.now()));

const file = (name: string, text: string) => ({ name, type: 'text/plain', bytes: new TextEncoder().encode(text) });

describe('a one-file field', () => {
	it('sends the file chosen now, not the one held, and lets the held one go; with nothing chosen, the held one', async () => {
		const now = Date.now();
		const actor = loadActor(getDb(), getDb().select().from(users).where(eq(users.username, 'street')).get()!, '127.0.0.1');
		const held = holdFiles(getDb(), actor.userId, 'file', [], [file('bad.pb', '壞的')], PB_FILE, now);
		if (!held.ok) throw new Error(held.error);
		const token = held.held[0].token;

		const keepOnly = new FormData();
		keepOnly.append(heldField('file'), token);
		keepOnly.append('file', new File([], '', { type: 'application/octet-stream' }));
		const kept = await readFormFiles(keepOnly, actor, { file: PB_FILE }, now);
		expect(kept.input.file.map((f) => f.name)).toEqual(['bad.pb']);

		const another = new FormData();
		another.append(heldField('file'), token);
		another.append('file', new File(['好的'], 'good.pb', { type: 'text/plain' }));
		const replaced = await readFormFiles(another, actor, { file: PB_FILE }, now);
		expect(replaced.input.file.map((f) => f.name)).toEqual(['good.pb']);
		expect(replaced.gone).toEqual([]);
		expect(getDb().select().from(heldUploads).where(eq(heldUploads.token, token)).all()).toEqual([]);
	});
});
