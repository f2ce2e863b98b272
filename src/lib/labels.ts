// Labels for stored codes (roles, statuses), from the message catalogue.
import { m } from '$lib/paraglide/messages';

const ROLE: Record<string, () => string> = {
	resident: m.role_resident,
	grid_worker: m.role_grid_worker,
	committee: m.role_committee,
	street_staff: m.role_street_staff,
	department: m.role_department,
	admin: m.role_admin
};
const STATUS: Record<string, () => string> = {
	pending: m.status_pending,
	verified: m.status_verified,
	rejected: m.status_rejected,
	revoked: m.status_revoked
};

export const roleLabel = (role: string) => (ROLE[role] ?? (() => role))();
export const statusLabel = (status: string) => (STATUS[status] ?? (() => status))();
