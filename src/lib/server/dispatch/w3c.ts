// Times as the W3C note on ISO 8601 writes them, in China's offset: 2026-11-01T10:00:00+08:00.
import { HOUR } from '../db/time';

export function w3c(at: number): string {
	return `${new Date(at + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** A W3C datetime (any offset, or a bare date taken as midnight UTC as the spec's examples are) as UTC ms, or NaN. */
export function parseW3c(raw: string): number {
	// a "+08:00" sent unencoded in a query string arrives as " 08:00"
	const s = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
	if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s)) return NaN;
	return Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
}
