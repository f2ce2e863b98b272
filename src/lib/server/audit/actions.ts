// What the audit log may name. A command's row is named by its policy action; these are the rows written for
// what nobody did by a command of their own: sign-ins, and consequences the portal draws (a proposal qualifies).
import { COMMAND_ACTIONS, type CommandAction } from '../policy';

export const SYSTEM_EVENTS = [
	'user.register',
	'user.login',
	'proposal.qualify',
	'consultation.auto_hide',
	// 建設共管: time moves a claim on (areas/lifecycle.ts), or a care log brings it back
	'area.claim_at_risk',
	'area.claim_recover',
	'area.claim_lapse',
	'area.claim_expire',
	// a report filed by another system through Open311: no person acted, the API key's name is in the summary
	'open311.request_filed',
	// a replied report its reporter did not verify in 14 days closes as unverified
	'report.auto_close'
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];
export type AuditAction = CommandAction | SystemEvent;

export const AUDIT_ACTIONS: readonly AuditAction[] = [...COMMAND_ACTIONS, ...SYSTEM_EVENTS];

/** The message key that names an action in the log, in every language. */
export const auditLabelKey = (action: string) => `audit_${action.replace(/[^a-z0-9]+/g, '_')}`;
