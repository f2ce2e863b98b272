/**
 * Money counted exactly. People write amounts in currency units with at most two decimals ("308151.26" złoty);
 * the tally counts whole minor units (grosze, fen, cents: 30815126), so every sum and comparison is integer
 * arithmetic. A set of amounts shares one scale — the minor units per currency unit — chosen from the most
 * decimals any of them needs: 1 when all are whole, 10 or 100 otherwise.
 *
 * The grammar lives in $lib/money (one reader for files and for what people type); the tally re-exports it.
 */
export {
	MAX_DECIMALS,
	readAmount,
	scaleFor,
	decimalsOf,
	toMinorUnits,
	formatMinorUnits,
	type WrittenAmount,
	type AmountProblem
} from '../../../money';
