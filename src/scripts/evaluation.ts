/**
 * Anyone can recompute a published community evaluation.
 *
 *   npm run evaluation -- verify FILE.json
 *
 * Reads a file downloaded from /street/{slug}/evaluations/{period}/evaluation.json, recomputes every indicator's
 * actual value and score, each community's composite, the ranking and the 以獎代補 awards from the scheme and the
 * raw figures in the file alone (the same pure function the portal used), and prints whether they match. Exits 0
 * when everything matches, 2 when something differs, 1 when the file cannot be read.
 */
import { runEvaluationCli } from './evaluation-cli';

const { status, stdout, stderr } = runEvaluationCli(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = status;
