/**
 * Scores from ballots that give points: cumulative ballots say their points, ranked (ordinal) ballots earn
 * points by position.
 */

/**
 * Borda points of a ranking of k projects: k for the first choice, k − 1 for the second, …, 1 for the last. A
 * ballot ranking three projects gives 3, 2, 1 (as Kraków counts); one ranking a single project gives it 1.
 */
export function bordaPoints(length: number): number[] {
	return Array.from({ length }, (_, position) => length - position);
}

export interface PointsBallot {
	ids: readonly string[];
	/** Points for ids[i], same length as ids. */
	points: readonly number[];
}

/** Each project's score: the sum of the points its ballots give it. Projects nobody names are absent. */
export function sumPoints(ballots: Iterable<PointsBallot>): Map<string, number> {
	const scores = new Map<string, number>();
	for (const ballot of ballots) {
		if (ballot.points.length !== ballot.ids.length) {
			throw new RangeError(`a ballot names ${ballot.ids.length} projects but gives ${ballot.points.length} points`);
		}
		ballot.ids.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + ballot.points[i]));
	}
	return scores;
}
