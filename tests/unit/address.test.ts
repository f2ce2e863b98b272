import { describe, expect, it } from 'vitest';
import { addressLine } from '../../src/lib/address';

describe('an address as typed', () => {
	it.each([
		[{ compound: '金韋花園', building: '3', unit: '1-502' }, '金韋花園 3 棟 1-502 單元'],
		[{ compound: '金韋花園', building: '3 棟', unit: '1-502' }, '金韋花園 3 棟 1-502 單元'],
		[{ compound: '韋園新村', building: '3號樓', unit: '2單元402室' }, '韋園新村 3號樓 2單元402室'],
		[{ compound: '鳳凰苑', building: '12A', unit: '' }, '鳳凰苑 12A 棟'],
		[{ compound: '鳳凰苑', building: null, unit: null }, '鳳凰苑'],
		[{ compound: '金韋花園', building: '3', unit: '1', room: '502' }, '金韋花園 3 棟 1 單元 502 室'],
		[{ compound: '金韋花園', building: '3', unit: '1', room: '502 室' }, '金韋花園 3 棟 1 單元 502 室'],
		[{ compound: '金韋花園', building: '3', unit: '1', room: '502室' }, '金韋花園 3 棟 1 單元 502室'],
		[{ compound: '金韋花園', building: '3', unit: '1', room: '502房' }, '金韋花園 3 棟 1 單元 502房'],
		[{ compound: '金韋花園', building: '3', unit: '1', room: '１２０３' }, '金韋花園 3 棟 1 單元 １２０３ 室'],
		[{ compound: '金韋花園', building: '3', unit: '1', room: '  ' }, '金韋花園 3 棟 1 單元']
	])('%j reads %s', (address, line) => expect(addressLine(address)).toBe(line));
});
