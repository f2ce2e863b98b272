import type { TallyInput } from './types';

/** A project with the voters who approve it, as the rules consume it. */
export interface PreparedProject {
	index: number;
	id: string;
	cost: number;
	/** Indexes of the ballots approving the project, ascending, each once. */
	supporters: number[];
	votes: number;
	/** The greedy ordering key: the given score, or the number of votes. */
	score: number;
	/** Withdrawn after the vote: never funded. */
	withdrawn: boolean;
}

export interface PreparedElection {
	budget: number;
	/** Budget units per currency unit (TallyInput.unit, 1 by default). */
	unit: number;
	projects: PreparedProject[];
	voters: number;
}

function assertWholeNonNegative(value: number, what: string): void {
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new RangeError(`${what} must be a non-negative whole number, got ${value}`);
	}
}

/**
 * Checks the input and counts votes. Invalid input here is a bug in the caller (which must validate ballots
 * against the menu first), so it throws instead of returning an error.
 */
export function prepareElection(input: TallyInput): PreparedElection {
	assertWholeNonNegative(input.budget, 'budget');
	const unit = input.unit ?? 1;
	if (!Number.isSafeInteger(unit) || unit < 1) throw new RangeError(`unit must be a positive whole number, got ${unit}`);
	const indexById = new Map<string, number>();
	const projects: PreparedProject[] = input.projects.map((project, index) => {
		assertWholeNonNegative(project.cost, `cost of project ${project.id}`);
		if (indexById.has(project.id)) throw new RangeError(`duplicate project id ${project.id}`);
		indexById.set(project.id, index);
		return { index, id: project.id, cost: project.cost, supporters: [], votes: 0, score: 0, withdrawn: false };
	});
	for (const id of input.withdrawn ?? []) {
		const index = indexById.get(id);
		if (index === undefined) throw new RangeError(`withdrawn project ${id} is not a project`);
		projects[index].withdrawn = true;
	}

	input.ballots.forEach((ballot, voter) => {
		for (const id of new Set(ballot)) {
			const index = indexById.get(id);
			if (index === undefined) throw new RangeError(`ballot ${voter} names unknown project ${id}`);
			projects[index].supporters.push(voter);
		}
	});

	for (const project of projects) {
		project.votes = project.supporters.length;
		project.score = input.scores ? (input.scores.get(project.id) ?? 0) : project.votes;
	}
	return { budget: input.budget, unit, projects, voters: input.ballots.length };
}
