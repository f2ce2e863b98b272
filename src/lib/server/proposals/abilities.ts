// What this person may do to this proposal now: the page's buttons and the commands ask the same checks.
import { abilities } from '../kernel/command';
import { answerProposal, editProposal, markForMenu, mergeProposal, secondProposal, withdrawProposal } from './commands';

export const proposalAbilities = abilities({
	second: secondProposal,
	edit: editProposal,
	withdraw: withdrawProposal,
	answer: answerProposal,
	markForMenu,
	merge: mergeProposal
});
