// The form actions of a rating panel, for the page its subject lives on (a project page, a 物業 period page,
// dispatch's report page): the page spreads them into its actions, and its panel posts to them, so a refusal
// is shown beside the form with or without JavaScript. Each answers 303 back to the panel.
import type { RequestEvent } from '@sveltejs/kit';
import { formAction } from '../http';
import { hideRatingComment, rateReport, rateSubject, restoreRatingComment } from './commands';
import type { RatingTarget } from './records';

const backToPanel = (_v: unknown, e: RequestEvent) => `${e.url.pathname}#rating`;

/** `rate`, `hideRating` and `restoreRating` for the subject the URL names. */
export function ratingActions(target: (event: RequestEvent) => RatingTarget) {
	return {
		rate: formAction((db, actor, t: RatingTarget, input, now) => (t.kind === 'report' ? rateReport : rateSubject)(db, actor, t, input, now), {
			target,
			to: backToPanel,
			flash: (v: { edited: boolean }) => (v.edited ? 'flash_rating_updated' : 'flash_rating_saved'),
			form: 'rating'
		}),
		hideRating: formAction(hideRatingComment, { target, to: backToPanel, flash: 'flash_rating_comment_hidden', form: 'rating-moderation' }),
		restoreRating: formAction(restoreRatingComment, { target, to: backToPanel, flash: 'flash_rating_comment_restored', form: 'rating-moderation' })
	};
}
