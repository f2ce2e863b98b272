// The yardstick of `npm run bench`: the smallest SvelteKit app, built with the portal's own versions, served
// beside the portal so that its figures can be read as ratios on a noisy shared machine.
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
// Built into the portal's tmp/ (relative to this folder), where the type check does not look.
export default { kit: { adapter: adapter({ out: '../../../tmp/minimal-kit/build' }), outDir: '../../../tmp/minimal-kit/.svelte-kit' } };
