/**
 * Pabulib command line.
 *
 *   npm run pb -- tally FILE [--rule greedy|greedy-no-skip|greedy-threshold|equalshares/add1] [--ties listed]
 *   npm run pb -- check DIR [--ties listed] [--json]
 *
 * tally prints one line of JSON {"rule", "selected" (ids in selection order), "cost"} and exits 0. The cost is
 * a number when the file's amounts are whole, and a string in the file's own notation when they carry decimals
 * ("308151.26": a JSON number would be read back as an inexact float). "warnings" is added when the file's own
 * counts (num_votes, the votes or score column) disagree with its ballots. Without --rule the META rule is used.
 *
 * check tallies every .pb file under DIR with its own rule and prints, per vote type and rule, how many
 * reproduce the published selected column, how many differ (with the first difference) and how many are refused
 * (with why); --json prints the per-file outcomes and the summaries instead. It exits 0 whatever it found.
 *
 * --ties listed breaks ties in votes (or score) in the greedy rules by the order the file lists its projects,
 * instead of cheaper first (the engine's default, which menus use).
 *
 * On any error either command prints one line starting with "error: " on stderr and exits 1.
 */
import { runPb } from './pb-cli';

const { status, stdout, stderr } = runPb(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = status;
