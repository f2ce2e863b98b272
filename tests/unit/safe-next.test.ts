// safeNext: after signing in (and wherever a form names its own way back), only a path of this site.
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/lib/server/safe-next';

const NASTY = [
	'//evil.example',
	'//evil.example/path',
	'/\t/evil.example', // ?next=%2F%09%2Fevil.example: browsers drop the tab
	'/\n/evil.example',
	'/\r\n/evil.example',
	'/\u0000/evil.example',
	'/\\evil.example',
	'/\\/evil.example',
	'\\\\evil.example',
	'/ /evil.example'.replace(' ', '\u000b'),
	'/%5C/evil.example'.replace('%5C', '\\'),
	'https://evil.example',
	'http:/evil.example',
	'javascript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	' /my',
	'evil.example',
	'',
	null,
	undefined,
	'/' + 'a'.repeat(3000)
];

describe('safeNext', () => {
	for (const value of NASTY) {
		it(`sends ${JSON.stringify(value)?.slice(0, 40)} home`, () => {
			expect(safeNext(value)).toBe('/');
		});
	}

	it.each([
		['/my', '/my'],
		['/c/jinwei/menus/3/ballot', '/c/jinwei/menus/3/ballot'],
		['/c/jinwei/proposals?sort=new&page=2#list', '/c/jinwei/proposals?sort=new&page=2#list'],
		['/inbox', '/inbox'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // an encoded slash stays a path on this site
		['/c/jinwei/../../my', '/my']
	])('keeps the path %s', (value, expected) => {
		expect(safeNext(value)).toBe(expected);
	});
});
