import type { ParamMatcher } from '@sveltejs/kit';

/** The two formats of every GeoReport v2 endpoint: XML (the spec's own) and JSON. */
export const match: ParamMatcher = (param) => param === 'xml' || param === 'json';
