// Progressive enhancement for the menus forms that stay on their page: after a successful post (a redirect) the form is
// emptied, as it would be by the full page load without JavaScript.
import type { SubmitFunction } from '@sveltejs/kit';

export const resetOnRedirect: SubmitFunction = () => async ({ result, update, formElement }) => {
	if (result.type === 'redirect') formElement.reset();
	await update();
};
