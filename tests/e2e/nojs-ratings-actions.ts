// The form actions of 效果共評 and 社區評價, walked without JavaScript in nojs-ratings.spec.ts (and counted by the
// completeness check in nojs-reload.spec.ts).
export const RATINGS = [
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] rate',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] hideRating',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] restoreRating',
	'/c/[slug]/ratings openPeriod',
	'/c/[slug]/ratings/[id=id] rate',
	'/c/[slug]/ratings/[id=id] hideRating',
	'/c/[slug]/ratings/[id=id] restoreRating',
	'/c/[slug]/ratings/[id=id] close'
];
export const EVALUATIONS = [
	'/street/[slug]/evaluations/[period] snapshot',
	'/street/[slug]/evaluations/[period] awards',
	'/street/[slug]/evaluations/[period] publish',
	'/street/[slug]/evaluations/schemes create'
];
