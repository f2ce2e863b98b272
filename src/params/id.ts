import type { ParamMatcher } from '@sveltejs/kit';

/** A record id in a URL: canonical decimal only, so /proposals/1e1 or /0x1 is not /proposals/10 or /1. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,14}$/.test(param);
