// What this person may do to this report now: the pages' buttons and the commands ask the same checks.
import { abilities } from '../kernel/command';
import { followReport } from './filing';
import { closeAtTriage, dispatchReport, handleOnSpot, reclassifyReport } from './triage';
import { acceptReport, noteProgress, replyToReport, returnReport } from './handling';
import { nameLead, verifyReport } from './verification';

export const reportAbilities = abilities({
	follow: followReport,
	reclassify: reclassifyReport,
	dispatch: dispatchReport,
	close: closeAtTriage,
	onSpot: handleOnSpot,
	accept: acceptReport,
	return: returnReport,
	progress: noteProgress,
	reply: replyToReport,
	lead: nameLead,
	verify: verifyReport
});
