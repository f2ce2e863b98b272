// Pure helpers for finding proposals: query terms for the two FTS5 indexes, and "similar" titles.
import { gramToken } from '../db/grams';

export const MAX_QUERY = 60;
const MAX_TERMS = 5;

export type SearchTerms = {
	/** Terms of 3+ characters, as one FTS5 MATCH expression (quoted phrases joined by AND), or null. */
	match: string | null;
	/**
	 * Terms of 1-2 characters, which the trigram index cannot see, as one MATCH expression for the index of
	 * characters and adjacent pairs (proposals_grams, migration 0019): each term's token, joined by AND. It finds
	 * what LIKE '%term%' on the title or the body finds. Null when there is none.
	 */
	grams: string | null;
	/** Those terms themselves. */
	short: string[];
};

const chars = (s: string) => [...s].length;

/**
 * Splits a search box into terms (at white space, and at NUL, which SQLite would take for the end of a text);
 * quotes each so FTS5 syntax in the query is taken literally.
 */
export function searchTerms(q: string): SearchTerms | null {
	const terms = [...new Set(q.slice(0, MAX_QUERY).split(/[\s\0]+/u).filter(Boolean))].slice(0, MAX_TERMS);
	if (!terms.length) return null;
	const long = terms.filter((t) => chars(t) >= 3);
	const short = terms.filter((t) => chars(t) < 3);
	return {
		match: long.length ? long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ') : null,
		grams: short.length ? short.map((t) => `"${gramToken(t)}"`).join(' AND ') : null,
		short
	};
}

/**
 * The LIKE pattern (escaped with '\') that finds a term anywhere in a text: how short terms were found before
 * their index, by scanning every proposal. Kept as the reference the index is tested and measured against.
 */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Bigrams so common in proposals that sharing them says nothing (繁 and 简).
const STOP = new Set(['社區', '社区', '小區', '小区', '問題', '问题', '建議', '建议', '希望', '居民', '我們', '我们', '可以', '一下', '請求', '请求', '關於', '关于', '進行', '进行', '增設', '增设', '增加', '加裝', '加装', '設置', '设置', '安裝', '安装']);

// Characters that carry no subject of their own (particles, pronouns, "want", "please", "more"…).
const FILLER = new Set([...'的了是在有和與与也很都就要會会能一些多希望請请我你他她們们這这那個个不太把被讓让給给吧嗎吗呢啊還还更最及再又']);

/** Bigrams of the Han characters of a text (CJK-friendly "words"), without filler. */
export function bigrams(text: string): Set<string> {
	const out = new Set<string>();
	for (const run of text.split(/[^\p{Script=Han}]+/u)) {
		const c = [...run];
		for (let i = 0; i + 1 < c.length; i++) {
			const g = c[i] + c[i + 1];
			if (!STOP.has(g) && !FILLER.has(c[i]) && !FILLER.has(c[i + 1])) out.add(g);
		}
	}
	return out;
}

/** What a text is made of for comparison: its CJK characters, Latin words and digit runs, and its bigrams. */
export function features(text: string): Set<string> {
	const out = bigrams(text);
	for (const run of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
		if (!run) continue;
		// Han characters one by one (less filler); Latin words and numbers whole.
		for (const part of run.split(/(?<=\p{Script=Han})|(?=\p{Script=Han})/u)) {
			if (!FILLER.has(part)) out.add(part);
		}
	}
	return out;
}

type Doc = { id: number; title: string; body: string };

/**
 * How alike a new title is to each candidate, 0..1: the share of the title's features (characters and
 * bigrams, weighted by how rare they are among the candidates) found in the candidate; features found
 * only in the body count half. Common characters weigh little; one no candidate has weighs as a rare one.
 */
export function similarities<T extends Doc>(title: string, candidates: T[]): (T & { score: number })[] {
	const query = features(title);
	if (query.size === 0) return candidates.map((c) => ({ ...c, score: 0 }));
	const docs = candidates.map((c) => ({ title: features(c.title), all: features(`${c.title} ${c.body.slice(0, 500)}`) }));
	const n = candidates.length;
	const weight = new Map<string, number>();
	for (const f of query) {
		const df = docs.reduce((k, d) => k + (d.all.has(f) ? 1 : 0), 0);
		// Smoothed as if among ten more unrelated proposals, so a small community still gets sensible weights.
		weight.set(f, Math.log((n + 10) / Math.max(df, 1)));
	}
	const total = [...weight.values()].reduce((a, b) => a + b, 0);
	const pairs = [...query].filter((f) => [...f].length === 2 && /^\p{Script=Han}+$/u.test(f));
	return candidates.map((c, i) => {
		// Sharing single characters only is chance (電梯 and 電動車): a shared word is needed, if there are words.
		if (pairs.length && !pairs.some((f) => docs[i].all.has(f))) return { ...c, score: 0 };
		let got = 0;
		for (const [f, w] of weight) got += docs[i].title.has(f) ? w : docs[i].all.has(f) ? w / 2 : 0;
		return { ...c, score: total > 0 ? got / total : 0 };
	});
}

/** One candidate's similarity (against just itself and the others given). */
export function similarity(title: string, other: Doc, others: Doc[] = []): number {
	return similarities(title, [other, ...others])[0].score;
}

export const SIMILAR_MIN = 0.3;

/** The most similar candidates (best first), above a floor, at most `limit`. */
export function mostSimilar<T extends Doc>(title: string, candidates: T[], limit = 5): (T & { score: number })[] {
	if (chars(title.trim()) < 2) return [];
	return similarities(title, candidates)
		.filter((c) => c.score >= SIMILAR_MIN)
		.sort((x, y) => y.score - x.score || y.id - x.id)
		.slice(0, limit);
}
