// Pure helpers for finding proposals: query terms for FTS5 (trigram) and LIKE, and "similar" titles.

export const MAX_QUERY = 60;
const MAX_TERMS = 5;

export type SearchTerms = {
	/** Terms of 3+ characters, as one FTS5 MATCH expression (quoted phrases joined by AND), or null. */
	match: string | null;
	/** Terms of 1-2 characters (the trigram index cannot see them): LIKE patterns, escaped with '\'. */
	like: string[];
};

const chars = (s: string) => [...s].length;

/** Splits a search box into terms; quotes each so FTS5 syntax in the query is taken literally. */
export function searchTerms(q: string): SearchTerms | null {
	const terms = [...new Set(q.slice(0, MAX_QUERY).trim().split(/\s+/u).filter(Boolean))].slice(0, MAX_TERMS);
	if (!terms.length) return null;
	const long = terms.filter((t) => chars(t) >= 3);
	const short = terms.filter((t) => chars(t) < 3);
	return {
		match: long.length ? long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ') : null,
		like: short.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
	};
}

// Bigrams so common in proposals that sharing them says nothing (繁 and 简).
const STOP = new Set(['社區', '社区', '小區', '小区', '問題', '问题', '建議', '建议', '希望', '居民', '我們', '我们', '可以', '一下', '請求', '请求', '關於', '关于', '進行', '进行']);

/** Character bigrams of the letters and digits of a text (CJK-friendly "words"). */
export function bigrams(text: string): Set<string> {
	const out = new Set<string>();
	for (const run of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
		const c = [...run];
		if (c.length === 1) continue;
		for (let i = 0; i + 1 < c.length; i++) {
			const g = c[i] + c[i + 1];
			if (!STOP.has(g)) out.add(g);
		}
	}
	return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
	let n = 0;
	for (const g of a) if (b.has(g)) n++;
	return n;
}

/**
 * How alike a new title is to an existing proposal, 0..1: the Dice coefficient of the titles' bigrams,
 * or the share of the new title's bigrams found in the other's title and body, whichever is higher.
 * Zero unless at least two bigrams are shared (one shared word is chance).
 */
export function similarity(title: string, other: { title: string; body: string }): number {
	const a = bigrams(title);
	if (a.size === 0) return 0;
	const all = bigrams(`${other.title} ${other.body.slice(0, 500)}`);
	const shared = overlap(a, all);
	if (shared < Math.min(2, a.size)) return 0;
	const t = bigrams(other.title);
	const dice = t.size ? (2 * overlap(a, t)) / (a.size + t.size) : 0;
	return Math.max(dice, shared / a.size);
}

export const SIMILAR_MIN = 0.25;

/** The most similar candidates (best first), above a floor, at most `limit`. */
export function mostSimilar<T extends { id: number; title: string; body: string }>(title: string, candidates: T[], limit = 5): (T & { score: number })[] {
	if (chars(title.trim()) < 2) return [];
	return candidates
		.map((c) => ({ ...c, score: similarity(title, c) }))
		.filter((c) => c.score >= SIMILAR_MIN)
		.sort((x, y) => y.score - x.score || y.id - x.id)
		.slice(0, limit);
}
