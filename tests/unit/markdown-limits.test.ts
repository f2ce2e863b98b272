// A hostile Markdown text must neither throw nor take long: rendering is bounded before marked sees it.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';
import { boundMarkdown, markdownShape, MARKDOWN_LIMITS, withinLimits } from '../../src/lib/markdown-limits';
import { HOSTILE_MARKDOWN, ordinaryMarkdown } from '../fixtures/hostile-markdown';


const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1;

describe('renderMarkdown on hostile texts', () => {
	// how fast each renders is a figure `npm run bench` prints (bench-markdown.ts), not a timed test
	for (const [name, text] of Object.entries(HOSTILE_MARKDOWN)) {
		it(`renders ${name} bounded in depth, without throwing`, () => {
			const html = renderMarkdown(text);
			expect(html.length).toBeGreaterThan(0);
			expect(count(html, 'blockquote')).toBeLessThanOrEqual(MARKDOWN_LIMITS.depth);
			expect(count(html, 'ul') + count(html, 'ol')).toBeLessThanOrEqual(MARKDOWN_LIMITS.depth);
			expect(html).not.toMatch(/<(?!\/?(p|br|strong|em|del|code|pre|blockquote|ul|ol|li|h[3-6]|a|hr|table|thead|tbody|tr|th|td)\b)[a-z]/i);
		});
	}

	it('keeps the first levels of 10,000 nested quotes and shows the rest as text', () => {
		const html = renderMarkdown(HOSTILE_MARKDOWN['10,000 >']);
		expect(count(html, 'blockquote')).toBe(MARKDOWN_LIMITS.depth);
		expect(html.includes('&gt;'.repeat(100))).toBe(true);
		expect(html).toMatch(/ x<\/p>/);
	});

	it('keeps the first levels of 5,000 nested lists and shows the rest as text', () => {
		const html = renderMarkdown(HOSTILE_MARKDOWN['5,000 nested list levels on one line']);
		expect(count(html, 'ul')).toBe(MARKDOWN_LIMITS.depth);
		expect(html.includes('- - - - -')).toBe(true);
	});

	it('shows 50,000 asterisks and 10,000 brackets as the characters they are', () => {
		expect(renderMarkdown(HOSTILE_MARKDOWN['50,000 *']).includes('*'.repeat(1000))).toBe(true);
		expect(renderMarkdown(HOSTILE_MARKDOWN['10,000 [']).includes('['.repeat(10_000))).toBe(true);
	});

	it('shows deeply nested emphasis as the marks typed, and a few levels as emphasis', () => {
		expect(renderMarkdown(HOSTILE_MARKDOWN['2,500 nested emphasis']).includes('*a *a *a')).toBe(true);
		expect(renderMarkdown('*a **b *c* b** a*')).toBe('<p><em>a <strong>b <em>c</em> b</strong> a</em></p>\n');
	});

	it('shows the start of a text too long to parse, as typed, escaped', () => {
		const html = renderMarkdown(`<b>hi</b> ${'x'.repeat(MARKDOWN_LIMITS.chars)}`);
		expect(html.startsWith('<p>&lt;b&gt;hi&lt;/b&gt; xxx')).toBe(true);
		expect(html.endsWith('…</p>')).toBe(true);
		expect(html.length).toBeLessThan(MARKDOWN_LIMITS.chars + 100);
	});
});

describe('boundMarkdown leaves ordinary writing alone', () => {
	const ordinary = [
		ordinaryMarkdown(5_000),
		'> 引用\n>> 回覆的引用\n>>> 更早的引用\n\n- 一\n  - 二\n    - 三\n      1. 四\n         - 五',
		'```js\nconst a = b * c * d;\n    if (x) { y = *p; }\n```',
		// 120 list items each with bold text and a link: every item is its own block
		Array.from({ length: 120 }, (_, i) => `- **第 ${i} 項** 見 [說明](https://example.cn/${i}) *備註*`).join('\n'),
		'| 項目 | 金額 |\n|---|---|\n| **座椅** | 3000 |\n| *燈* | 200 |'
	];
	for (const text of ordinary) {
		it(`returns ${JSON.stringify(text.slice(0, 40))}… unchanged`, () => {
			expect(withinLimits(markdownShape(text))).toBe(true);
			expect(boundMarkdown(text)).toBe(text);
		});
	}

	it('still renders every item of a long formatted list', () => {
		const html = renderMarkdown(ordinary[3]);
		expect(count(html, 'strong')).toBe(120);
		expect(count(html, 'em')).toBe(120);
	});
});

describe('markdownShape measures what marked would be asked to do', () => {
	it('counts nesting by quotes, list markers and indentation before a marker', () => {
		expect(markdownShape('>>>> a').depth).toBe(4);
		expect(markdownShape('> > - a').depth).toBe(3);
		expect(markdownShape('- a\n  - b\n    - c').depth).toBe(3);
		expect(markdownShape('        plain code, no marker').depth).toBe(0);
	});

	it('counts inline marks per block, starting again at a blank line, a list item or a heading', () => {
		expect(markdownShape('*a* [b](c) `d`').marks).toBe(6);
		expect(markdownShape('*a*\n*b*').marks).toBe(4);
		expect(markdownShape('*a*\n\n*b*').marks).toBe(2);
		expect(markdownShape('- *a*\n- *b*').marks).toBe(2);
		expect(markdownShape('\\*\\[ escaped').marks).toBe(0);
	});

	it('finds every hostile text over the limits', () => {
		for (const [name, text] of Object.entries(HOSTILE_MARKDOWN)) {
			if (/NUL|one letter|backslashes|#|setext|table|definitions|a@a|&#/.test(name)) continue; // long or flat, not deep
			expect(withinLimits(markdownShape(text)), name).toBe(false);
		}
	});
});
