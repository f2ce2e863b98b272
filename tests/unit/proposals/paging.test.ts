// The list's cursors and pager links, without a database: what a URL may carry and what each link says.
import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey, keyOf, pageLinks, readCursor, type ListKey } from '../../../src/lib/server/proposals/paging';
import { listQuerySchema } from '../../../src/lib/server/proposals/validation';

const row = { id: 42, createdAt: 1_717_171_717_000, secondCount: 7, state: 'qualified', responseDueAt: 1_718_000_000_000 };

describe('cursors', () => {
	it('carry each order its own key, and read back as they were written', () => {
		expect(encodeKey(keyOf('newest', row))).toBe('1717171717000.42');
		expect(encodeKey(keyOf('seconds', row))).toBe('7.1717171717000.42');
		expect(encodeKey(keyOf('deadline', row))).toBe('1718000000000.1717171717000.42');
		// Only a qualified proposal's deadline counts (the order's own expression); the rest are '-'.
		expect(encodeKey(keyOf('deadline', { ...row, state: 'answered' }))).toBe('-.1717171717000.42');
		for (const sort of ['newest', 'seconds', 'deadline'] as const) {
			for (const r of [row, { ...row, state: 'open' }, { ...row, secondCount: 0 }]) {
				const key = keyOf(sort, r);
				expect(decodeKey(sort, encodeKey(key))).toEqual(key);
			}
		}
	});

	it('name nothing when forged: wrong parts for the order, not canonical whole numbers, id 0, too large', () => {
		const refused: [ListKey['sort'], string][] = [
			['newest', ''], ['newest', '1'], ['newest', '1.2.3'], ['newest', '1.0'], ['newest', '01.2'], ['newest', '1e3.2'], ['newest', '-1.2'],
			['newest', '0x10.2'], ['newest', '1.2 '], ['newest', '1..2'], ['newest', '1.2.'], ['newest', '9999999999999999.1'], ['newest', '-.2'],
			['seconds', '1.2'], ['seconds', '-.1.2'], ['seconds', 'a.1.2'], ['deadline', '1.2'], ['deadline', 'x.1.2'], ['deadline', '--.1.2'],
			['deadline', '1.2.3.4'], ['deadline', 'null.1.2'], ['newest', '1;drop table proposals.2']
		];
		for (const [sort, text] of refused) expect(decodeKey(sort, text), `${sort} ${text}`).toBeNull();
		expect(decodeKey('deadline', '-.0.1')).toEqual({ sort: 'deadline', due: null, createdAt: 0, id: 1 });
	});

	it('are read from the query string: after before before; a bad one gives the first page whatever the page number says', () => {
		expect(readCursor('newest', '5.6', '7.8')).toEqual({ dir: 'after', key: { sort: 'newest', createdAt: 5, id: 6 } });
		expect(readCursor('newest', 'bad', '7.8')).toEqual({ dir: 'before', key: { sort: 'newest', createdAt: 7, id: 8 } });
		expect(readCursor('newest', undefined, undefined)).toBeNull();
		expect(listQuerySchema.parse({ after: '5.6', page: '9' })).toMatchObject({ page: 9, cursor: { dir: 'after' } });
		expect(listQuerySchema.parse({ after: '5.6.7', page: '9' })).toMatchObject({ page: 1, cursor: null });
		expect(listQuerySchema.parse({ page: '9' })).toMatchObject({ page: 9, cursor: null });
		// A cursor of another order (the sort was changed in the URL) names nothing in this one.
		expect(listQuerySchema.parse({ sort: 'seconds', before: '5.6' })).toMatchObject({ page: 1, cursor: null });
	});
});

describe('pager links', () => {
	const url = new URL('http://x/c/jinwei/proposals?q=%E9%9B%BB%E6%A2%AF&sort=seconds&page=7&after=1.2.3');

	it('keep the search and order, and replace the position', () => {
		expect(pageLinks(url, { page: 7, prev: '9.8.7', next: '3.2.1' })).toEqual({
			first: '/c/jinwei/proposals?q=%E9%9B%BB%E6%A2%AF&sort=seconds',
			prev: '/c/jinwei/proposals?q=%E9%9B%BB%E6%A2%AF&sort=seconds&before=9.8.7&page=6',
			next: '/c/jinwei/proposals?q=%E9%9B%BB%E6%A2%AF&sort=seconds&after=3.2.1&page=8'
		});
	});

	it('lead from page 2 back to the first page itself, and offer no way back from the first or on from the last', () => {
		const bare = new URL('http://x/c/jinwei/proposals?after=1.2&page=2');
		expect(pageLinks(bare, { page: 2, prev: '5.6', next: null })).toEqual({ first: null, prev: '/c/jinwei/proposals', next: null });
		expect(pageLinks(new URL('http://x/c/jinwei/proposals'), { page: 1, prev: null, next: '5.6' })).toEqual({
			first: null,
			prev: null,
			next: '/c/jinwei/proposals?after=5.6&page=2'
		});
	});
});
