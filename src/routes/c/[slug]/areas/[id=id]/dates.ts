// Dates as residents read them: the China calendar day of a UTC moment (2026-11-01).
export const chinaDateOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
