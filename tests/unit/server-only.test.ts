// Data a page renders and no browser needs (ServerOnly) is turned into nothing by the transport hook: SvelteKit
// would otherwise write it into every page as a hydration script, which pages without client JS never emit.
import { describe, expect, it } from 'vitest';
import { uneval } from 'devalue';
import { transport } from '../../src/hooks';
import { ServerOnly } from '../../src/lib/server-only';

const { encode, decode } = transport.ServerOnly;
/** What SvelteKit's serializer does with a value and the transport hook (its replacer, in short). */
const serialized = (value: unknown) => uneval(value, (thing) => (encode(thing) ? `app.decode('ServerOnly', ${uneval(encode(thing))})` : undefined));

describe('ServerOnly', () => {
	it('is encoded as nothing, whatever it holds, and other values are left to devalue', () => {
		const items = Array.from({ length: 20 }, (_, i) => ({ id: i, title: `議題 ${i}` }));
		expect(serialized({ list: new ServerOnly({ items }) })).toBe(`{list:app.decode('ServerOnly', [])}`);
		expect(encode(items)).toBe(false);
		expect(serialized({ items: items.slice(0, 1) })).toContain('議題 0');
	});

	it('says what is wrong if a page that hydrates ever reads one', () => {
		expect(() => decode([])).toThrow(/csr = false/);
	});
});
