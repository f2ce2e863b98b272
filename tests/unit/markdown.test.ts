// markdown.ts is the only road from user text to {@html}: no payload may leave script, handlers or bad URLs.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';

// Known XSS payloads (OWASP filter-evasion cheat sheet, PortSwigger's list, Markdown-specific ones).
const PAYLOADS = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//xss.example/xss.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<img src="javascript:alert(1)">',
	'<IMG SRC=JaVaScRiPt:alert(1)>',
	'<img src=`javascript:alert(1)`>',
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<body onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
	'<a href="javascript:alert(1)">x</a>',
	'<a href="JAVASCRIPT:alert(1)">x</a>',
	'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
	'<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
	'<a href="jav&#x09;ascript:alert(1)">x</a>',
	'<a href="data:text/html,<script>alert(1)</script>">x</a>',
	'<a href="vbscript:msgbox(1)">x</a>',
	'<a onmouseover="alert(1)">hover</a>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<p style="x:expression(alert(1))">x</p>',
	'<input autofocus onfocus=alert(1)>',
	'<details open ontoggle=alert(1)>',
	'<video><source onerror=alert(1)></video>',
	'<audio src=x onerror=alert(1)>',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<link rel=stylesheet href="javascript:alert(1)">',
	'<base href="javascript:alert(1)//">',
	'<style>@import "javascript:alert(1)";</style>',
	'<marquee onstart=alert(1)>',
	'<isindex type=image src=1 onerror=alert(1)>',
	'"><script>alert(1)</script>',
	"'><img src=x onerror=alert(1)>",
	'<scr<script>ipt>alert(1)</scr</script>ipt>',
	'<<script>alert(1);//<</script>',
	'<!--<img src="--><img src=x onerror=alert(1)//">',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
	'[x](javascript:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x](javascript&#58;alert(1))',
	'[x](&#106;avascript:alert(1))',
	'[x](  javascript:alert(1)  )',
	'[x](java\tscript:alert(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](vbscript:msgbox(1))',
	'[x](//evil.example/steal)',
	'[x](javascript:alert(1) "title")',
	'[x]: javascript:alert(1)\n\n[click][x]',
	'![x](javascript:alert(1))',
	'![x](x" onerror="alert(1))',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'<javascript:alert(1)>',
	'[x](https://ok.example" onclick="alert(1))',
	'[a](https://ok.example "t\\" onmouseover=\\"alert(1)")',
	'`<script>alert(1)</script>`',
	'```html\n<script>alert(1)</script>\n```',
	'> <img src=x onerror=alert(1)>',
	'* <a href="javascript:alert(1)">x</a>',
	'| a |\n|---|\n| <img src=x onerror=alert(1)> |',
	'<a href="https://ok.example" target="_blank" onclick="alert(1)">x</a>',
	'<TABLE BACKGROUND="javascript:alert(1)">',
	'<a href="\u0001javascript:alert(1)">x</a>',
	'<a href=" &#14;  javascript:alert(1)">x</a>'
];

/** Attributes of a tag as the browser would read them (quoted values stay whole). */
function attributes(attrs: string): [string, string][] {
	return [...attrs.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'background', 'data', 'xlink:href', 'formaction', 'srcdoc']);

/** What must never come out: executable tags, handler attributes, or a live link/src with a bad scheme. */
function dangers(html: string): string[] {
	const found: string[] = [];
	// Real tags only: text that shows "<script>" escaped as &lt;script&gt; is harmless.
	for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
		const [, tag, attrs] = m;
		if (/^(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|img|video|audio|source|body|details|marquee|isindex|noscript|button)$/i.test(tag)) found.push(`tag ${tag}`);
		for (const [name, raw] of attributes(attrs)) {
			if (name.startsWith('on')) found.push(`handler ${name} in <${tag}>`);
			if (name === 'style') found.push(`style in <${tag}>`);
			if (URL_ATTRS.has(name)) {
				const value = raw.replace(/&#x?[0-9a-f]+;?|&[a-z]+;|[\s\u0000-\u001f]/gi, '');
				if (!/^(https?:|mailto:|#)/i.test(value)) found.push(`${name}=${value}`);
			}
		}
	}
	return found;
}

describe('renderMarkdown against XSS payloads', () => {
	it('has at least 50 payloads', () => {
		expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
	});

	it('would notice a payload that got through (the check itself works)', () => {
		expect(dangers('<a href="jav&#x09;ascript:alert(1)">x</a>')).toEqual(['href=javascript:alert(1)']);
		expect(dangers('<p onclick=alert(1)>x</p>')).toEqual(['handler onclick in <p>']);
		expect(dangers('<img src=x>')).toContain('tag img');
		expect(dangers('<a title="x&quot; onmouseover=&quot;y" href="https://ok.example">x</a>')).toEqual([]);
		expect(dangers('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual([]);
	});

	for (const payload of PAYLOADS) {
		it(`neutralises ${JSON.stringify(payload).slice(0, 70)}`, () => {
			const html = renderMarkdown(payload);
			expect(dangers(html)).toEqual([]);
		});
	}
});

describe('renderMarkdown keeps what people write', () => {
	it('renders headings (demoted), lists, emphasis, quotes and tables', () => {
		const html = renderMarkdown('# 標題\n\n**重要**：*請注意*\n\n- 一\n- 二\n\n> 引用\n\n| 項目 | 金額 |\n|---|---|\n| 座椅 | 3000 |');
		expect(html).toContain('<h3>標題</h3>');
		expect(html).toContain('<strong>重要</strong>');
		expect(html).toContain('<em>請注意</em>');
		expect(html).toContain('<li>一</li>');
		expect(html).toContain('<blockquote>');
		expect(html).toContain('<td>座椅</td>');
	});

	it('keeps http, https and mailto links, marked nofollow', () => {
		const html = renderMarkdown('[街道](https://example.gov.cn/a?b=1) [信](mailto:jw@example.cn) [舊](http://example.cn)');
		expect(html).toContain('href="https://example.gov.cn/a?b=1"');
		expect(html).toContain('href="mailto:jw@example.cn"');
		expect(html).toContain('href="http://example.cn"');
		expect(html).toMatch(/rel="nofollow noopener noreferrer ugc"/);
	});

	it('shows raw HTML as text rather than dropping what the person typed', () => {
		const html = renderMarkdown('請看 <b>這裡</b>');
		expect(html).toContain('&lt;b&gt;這裡&lt;/b&gt;');
	});

	it('renders nothing for empty input', () => {
		expect(renderMarkdown('')).toBe('');
	});
});
