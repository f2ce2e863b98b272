// The voters of the ballot benchmarks: a fresh demo database plus 1,000 signed-in verified residents of jinwei and a
// menu in its vote, written straight into the tables.
import { freshDemoDatabase } from './seed';
import { addVoters } from './voters';

export const VOTERS = 1000;

/** A fresh demo database plus 1,000 signed-in verified residents of jinwei and a menu in its vote. */
export async function prepareVoters(file: string) {
	await freshDemoDatabase(file);
	return addVoters(file, VOTERS);
}
