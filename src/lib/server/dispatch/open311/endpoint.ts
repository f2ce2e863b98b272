// What every Open311 route does first: the format the URL asked for and the jurisdiction (the street) the request
// names, answered as the spec's error list when it names none or an unknown one.
import { getDb } from '../../db/client';
import { t } from '../../i18n';
import { respondErrors, type Format } from './format';
import { findJurisdiction, type Street } from './queries';

export const formatOf = (param: string | undefined): Format => (param === 'xml' ? 'xml' : 'json');

/** The street, or the error Response to return. */
export function jurisdictionOf(format: Format, slug: string | null): { street: Street } | { response: Response } {
	const found = findJurisdiction(getDb(), slug?.trim() || null);
	if (found.ok) return { street: found.street };
	return found.problem === 'required'
		? { response: respondErrors(format, [{ status: 400, code: 400, description: t('open311_error_jurisdiction_missing') }]) }
		: { response: respondErrors(format, [{ status: 404, code: 404, description: t('open311_error_jurisdiction_unknown') }]) };
}

export const notFound = (format: Format) => respondErrors(format, [{ status: 404, code: 404, description: t('open311_error_not_found') }]);
export const originOf = (url: URL) => process.env.ORIGIN ?? url.origin;
