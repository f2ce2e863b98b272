import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { proposalDetail } from '$lib/server/proposals/queries';
import { qrCode } from '$lib/server/share/qr';
import { t } from '$lib/server/i18n';

/** A sheet to gather seconds: the proposal's address as text and as a QR code, ready to print and pin up. */
export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { community } = await parent();
	const detail = proposalDetail(getDb(), community.id, Number(params.id), null);
	if (!detail) error(404, t('error_not_found'));
	const link = `${url.origin}/c/${community.slug}/proposals/${detail.proposal.id}`;
	return { proposal: { id: detail.proposal.id, title: detail.proposal.title, state: detail.proposal.state, secondCount: detail.proposal.secondCount }, link, qr: qrCode(link) };
};
