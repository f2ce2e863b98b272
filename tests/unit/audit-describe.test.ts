import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type Db } from '../../src/lib/server/db/client';
import { seedDemo } from '../../src/scripts/demo/index';
import { auditLog } from '../../src/lib/server/audit/schema';
import { describeSummary, parseSummary, subjectHref, subjectWords } from '../../src/lib/server/audit/describe';
import { STANCES } from '../../src/lib/codes';

// Every row the demo's real commands write, read as a committee member would on /audit.
let db: Db;
beforeAll(async () => {
	db = createTestDb();
	await seedDemo(db, { password: 'unused' });
}, 60_000);

describe('the audit log in words', () => {
	it('names every field and every subject the commands write, in the reader’s language', () => {
		const rows = db.select().from(auditLog).all();
		expect(rows.length).toBeGreaterThan(100);
		const unnamed = new Set<string>();
		for (const r of rows) {
			const summary = parseSummary(r.summary);
			const details = describeSummary(summary, r.subjectType, 'jinwei');
			Object.keys(summary).forEach((key, i) => {
				if (details[i] && details[i].label === key) unnamed.add(`field ${key}`);
			});
			if (subjectWords(r.subjectType) === subjectWords('no_such_subject')) unnamed.add(`subject ${r.subjectType}`);
		}
		expect([...unnamed]).toEqual([]);
	});

	it('turns codes into words, amounts into money, and references into links', () => {
		const comment = describeSummary({ thread: 4, stance: 'support', parent: 26 }, 'comment', 'jinwei');
		expect(comment).toEqual([
			{ label: '協商', value: '#4', href: '/c/jinwei/consultations/4' },
			{ label: '立場', value: '贊成', href: null },
			{ label: '回覆的留言', value: '#26', href: null }
		]);
		expect(STANCES.some((s) => comment.some((d) => d.value === s))).toBe(false);
		expect(describeSummary({ finalCost: 9_500_000, decision: 'verify', passed: true }, 'menu_project', 'jinwei').map((d) => d.value)).toEqual(['¥95,000', '已認證', '是']);
		expect(describeSummary({ actual: 8_450_050 }, 'menu_project', 'jinwei').map((d) => d.value)).toEqual(['¥84,500.50']); // amounts are fen
		expect(subjectHref('comment', 33, 'jinwei', { thread: 4 })).toBe('/c/jinwei/consultations/4#comment-33');
		expect(subjectHref('menu_project', 7, 'jinwei', { menu: 2 })).toBe('/c/jinwei/menus/2/projects/7');
		expect(subjectHref('membership', 7, 'jinwei', {})).toBeNull();
	});

	it('keeps user text as text and cuts it short', () => {
		const [title] = describeSummary({ title: `<script>alert(1)</script>${'長'.repeat(200)}` }, 'proposal', 'jinwei');
		expect(title.value.startsWith('<script>alert(1)</script>')).toBe(true);
		expect(title.value.length).toBe(121);
	});
});
