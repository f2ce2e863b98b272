// The only road from user text to {@html}: Markdown through marked, then an allow-list sanitizer.
// Raw HTML in the source is escaped by the sanitizer; links keep only http, https and mailto.
// A hostile text must not take the page down: its structure is bounded first (markdown-limits.ts),
// and if marked still fails, the text is shown as it was typed.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { boundMarkdown, MARKDOWN_LIMITS } from './markdown-limits';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
	allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'escape',
	// A page already has its own h1/h2: headings in user text start at h3.
	transformTags: {
		h1: 'h3',
		h2: 'h4',
		a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer ugc' } })
	}
};
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel'] };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text as typed, escaped: paragraphs at blank lines, line breaks kept. */
export function plainTextHtml(source: string): string {
	return source
		.split(/\n\s*\n/)
		.filter((p) => p.trim())
		.map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c]).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

const parseMarkdown = (text: string) => marked.parse(text) as string;

/** Safe HTML for user text. `parse` is marked's, but for the test that makes it fail. */
export function renderMarkdown(source: string, parse: (markdown: string) => string = parseMarkdown): string {
	const text = source ?? '';
	// Nothing a form accepts is this long (an import could be): show the start of it as text.
	if (text.length > MARKDOWN_LIMITS.chars) return plainTextHtml(`${[...text.slice(0, MARKDOWN_LIMITS.chars)].slice(0, -1).join('')}…`);
	try {
		return sanitizeHtml(parse(boundMarkdown(text)), OPTIONS);
	} catch (e) {
		console.error('markdown: showing the text as typed after a render error', e);
		return plainTextHtml(text);
	}
}
