// How much structure a Markdown text may have before marked gets slow or overflows its stack.
// marked parses block quotes and lists recursively (≈2,000 nested `>` overflow the stack) and scans
// ahead from every unmatched `*`, `_`, `~`, backtick, `[` and `<` (quadratic on long paragraphs).
// One linear pass measures both, and can rewrite a text so that marked only sees bounded structure.

export const MARKDOWN_LIMITS = {
	/** Quotes and list items inside each other, counted per line (plus indentation before a marker). */
	depth: 16,
	/** Inline marks (runs of * _ ~ `, and [ ] <) in one paragraph, list item or heading. */
	marks: 200,
	/** Longer texts are not parsed at all; nothing a form accepts comes close. */
	chars: 16_000
};

export type MarkdownShape = { depth: number; marks: number; chars: number };

const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;
// A backslash escape is plain text to marked; anything else here may make it look ahead.
const MARK = /\\[^\n]|([*_~`]+|[[\]<])/g;

type Prefix = { end: number; depth: number; cut: boolean; item: boolean };

/**
 * The container prefix of one line (`>` and list markers, and the indentation before them) up to the
 * depth limit. `cut` says the line goes deeper; `end` is where the allowed part stops; `item` says the
 * line surely starts a new list item (a bullet or `1.` after at most three spaces), so a new inline block.
 */
function prefixOf(line: string, limit: number): Prefix {
	let i = 0;
	let markers = 0;
	let columns = 0; // indentation before a marker: two columns are one more level of list
	let end = 0;
	let item = false;
	while (i < line.length) {
		const start = i;
		let spaces = 0;
		while (i < line.length && (line[i] === ' ' || line[i] === '\t')) spaces += line[i++] === '\t' ? 4 : 1;
		let marker = '';
		if (line[i] === '>') marker = '>';
		else {
			LIST_MARKER.lastIndex = i;
			marker = LIST_MARKER.exec(line)?.[0] ?? '';
		}
		if (!marker) return { end: start, depth: markers + (columns >> 1), cut: false, item };
		if (markers + 1 + ((columns + spaces) >> 1) > limit) return { end, depth: limit + 1, cut: true, item };
		item = spaces <= 3 && /^(?:[-+*]|1[.)])$/.test(marker);
		columns += spaces;
		markers++;
		i += marker.length;
		if (line[i] === ' ') i++; // the one space that belongs to the marker
		end = i;
	}
	return { end: i, depth: markers + (columns >> 1), cut: false, item };
}

/** The rest of a line that went too deep, as text: no container marker left at its start. */
function flatten(rest: string): string {
	const s = rest.trimStart();
	const number = /^\d{1,9}(?=[.)])/.exec(s);
	if (number) return `${number[0]}${literal(s[number[0].length])}${s.slice(number[0].length + 1)}`;
	return /^[>+*-]/.test(s) ? literal(s[0]) + s.slice(1) : s;
}

// Beyond the limit a mark becomes a character reference: the same character on the page, and one text
// token for marked instead of one escape token per character.
const literal = (run: string) => [...run].map((c) => `&#${c.charCodeAt(0)};`).join('');

const countMarks = (s: string) => {
	let n = 0;
	for (const m of s.matchAll(MARK)) if (m[1]) n++;
	return n;
};

/**
 * One pass over the text: its shape (deepest line, busiest block, length) and, when limits are given,
 * the same text with its structure bounded — lines nested deeper than the limit keep their first levels
 * and show the rest as text; a block with more inline marks than the limit shows the excess literally.
 */
function scan(source: string, limits?: typeof MARKDOWN_LIMITS): { shape: MarkdownShape; text: string } {
	const lines = source.split('\n');
	const shape: MarkdownShape = { depth: 0, marks: 0, chars: source.length };
	let block = 0;
	let changed = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		const prefix = prefixOf(line, limits?.depth ?? Number.MAX_SAFE_INTEGER);
		shape.depth = Math.max(shape.depth, prefix.depth);
		let body = prefix.cut ? flatten(line.slice(prefix.end)) : line.slice(prefix.end);
		// a blank line, a new list item or a heading starts a new inline block
		if (!body.trim() || prefix.item || /^ {0,3}#{1,6}(?:[ \t]|$)/.test(body)) block = 0;
		const count = countMarks(body);
		if (limits && block + count > limits.marks) {
			let allowed = Math.max(0, limits.marks - block);
			body = body.replace(MARK, (run, mark) => (!mark || allowed-- > 0 ? run : literal(run)));
		}
		block += count;
		shape.marks = Math.max(shape.marks, block);
		const next = line.slice(0, prefix.end) + body;
		if (next !== line) {
			lines[n] = next;
			changed = true;
		}
	}
	return { shape, text: changed ? lines.join('\n') : source };
}

/** What a text would ask of the parser: its deepest line, its busiest block, its length. */
export const markdownShape = (source: string): MarkdownShape => scan(source).shape;

export function withinLimits(shape: MarkdownShape, limits = MARKDOWN_LIMITS): boolean {
	return shape.depth <= limits.depth && shape.marks <= limits.marks && shape.chars <= limits.chars;
}

/** The same text with its structure bounded (texts within the limits come back unchanged). */
export const boundMarkdown = (source: string, limits = MARKDOWN_LIMITS): string => scan(source, limits).text;
