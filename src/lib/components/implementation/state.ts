// Implementation states of a selected project, as words and badge colours.
import { m } from '$lib/paraglide/messages';

export type ImplementationState = 'not_started' | 'in_progress' | 'completed' | 'accepted';

const LABEL: Record<ImplementationState, () => string> = {
	not_started: m.impl_state_not_started,
	in_progress: m.impl_state_in_progress,
	completed: m.impl_state_completed,
	accepted: m.impl_state_accepted
};
const TONE: Record<ImplementationState, string> = { not_started: '', in_progress: 'warn', completed: 'accent', accepted: 'ok' };

export const stateLabel = (state: ImplementationState) => LABEL[state]();
export const stateTone = (state: ImplementationState) => TONE[state];
