// If marked fails after all, the page still shows the text: escaped, never an error.
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';

const failingParser = (): string => {
	throw new RangeError('Maximum call stack size exceeded');
};

describe('renderMarkdown when the parser throws', () => {
	it('shows the text as typed, escaped, with its paragraphs and line breaks', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const html = renderMarkdown('第一段 <script>alert(1)</script>\n第二行\n\n"第二段" & \'引號\'', failingParser);
		expect(html).toBe('<p>第一段 &lt;script&gt;alert(1)&lt;/script&gt;<br>第二行</p>\n<p>&quot;第二段&quot; &amp; &#39;引號&#39;</p>');
		expect(spy).toHaveBeenCalledOnce();
		spy.mockRestore();
	});
});
