// What this person may do to this menu, or to this project of it, now: the pages' buttons and the commands
// ask the same checks.
import { abilities } from '../kernel/command';
import { advancePhase, editMenu } from './commands';
import { reviewCandidate, submitCandidate } from './candidates';
import { castBallot } from './ballots';
import { publishResults } from './results';
import { acceptProject, addSpendingLine, editSpendingLine, postProgress } from './implementation/commands';

export const menuAbilities = abilities({
	edit: editMenu,
	advance: advancePhase,
	submit: submitCandidate,
	vote: castBallot,
	publish: publishResults
});

export const projectAbilities = abilities({
	review: reviewCandidate,
	post: postProgress,
	addSpending: addSpendingLine,
	editSpending: editSpendingLine,
	accept: acceptProject
});
