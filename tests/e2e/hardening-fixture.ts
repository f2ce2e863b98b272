// Rows the hardening e2e tests need that no form would make: written straight into the e2e server's database.
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { proposals } from '../../src/lib/server/proposals/schema';
import { communities } from '../../src/lib/server/org/schema';
import { users } from '../../src/lib/server/auth/schema';
import { unique } from './helpers';

import { workerDatabase } from './test';

/** An open proposal in jinwei by resident1 whose stored body is `body` (as an old row or an import could hold). */
export function proposalWithBody(body: string): { path: string; title: string } {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		const community = db.select().from(communities).where(eq(communities.slug, 'jinwei')).get()!;
		const author = db.select().from(users).where(eq(users.username, 'resident1')).get()!;
		const title = `惡意內容測試 ${unique()}`;
		const now = Date.now();
		const row = db
			.insert(proposals)
			.values({ communityId: community.id, authorId: author.id, title, body, category: 'other', createdAt: now, updatedAt: now })
			.returning({ id: proposals.id })
			.get();
		return { path: `/c/jinwei/proposals/${row.id}`, title };
	} finally {
		sqlite.close();
	}
}
