// POST requests: another system files a report with an API key. It is not a person, so it is not a kernel command
// with a made-up actor: the key is checked here (its hash, its street, not revoked, its rate), and the report, its
// timeline's first step and an audit row — the system event `open311.request_filed`, actor null, the key's name in
// the summary — are written in one IMMEDIATE transaction. The report is then triaged like any other.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import { HOUR } from '../../db/time';
import { t } from '../../i18n';
import { writeAudit } from '../../audit/log';
import { notify } from '../../notifications/commands';
import { checkRate, recordRate, type Limit } from '../../rate-limit/limiter';
import { communities } from '../../org/schema';
import { plainText, textLength } from '../../text';
import type { ApiError } from './format';
import { keyBySecret } from './keys';
import type { Street } from './queries';
import { attributeFields, parseAnswers } from '../answers';
import { insertReport, serviceByCode } from '../filing';
import { reportLink, serviceParams, triageUserIds } from '../records';
import { MAX_DESCRIPTION } from '../validation';

/** Each key files at most 300 reports an hour. */
export const KEY_LIMIT: Limit = { bucket: 'open311.post', max: 300, windowMs: HOUR };
/** Thirty wrong keys an hour from one address, then nothing more is tried from there for a while. */
export const BAD_KEY_LIMIT: Limit = { bucket: 'open311.bad_key', max: 30, windowMs: HOUR };

type Fields = Record<string, string | string[]>;
const one = (f: Fields, name: string) => {
	const v = f[name];
	return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

const optional = (max: number, multiline = false) =>
	z
		.string()
		.transform((s) => s.trim())
		.pipe(plainText({ multiline }))
		.pipe(textLength(0, max, 'err_too_long'))
		.transform((s) => s || null);
const number = (min: number, max: number) =>
	z.string().transform((s, ctx) => {
		if (s === '') return null;
		const n = Number(s);
		if (!/^-?\d+(\.\d+)?$/.test(s) || n < min || n > max) {
			ctx.addIssue({ code: 'custom', message: 'err_invalid' });
			return z.NEVER;
		}
		return n;
	});

const postSchema = z.object({
	lat: number(-90, 90),
	long: number(-180, 180),
	address_string: optional(200),
	description: optional(MAX_DESCRIPTION, true),
	email: optional(200),
	phone: optional(40),
	first_name: optional(100),
	last_name: optional(100),
	device_id: optional(100),
	account_id: optional(100),
	media_url: optional(500).refine((s) => s === null || /^https?:\/\/\S+$/.test(s), { message: 'err_invalid' })
});

const error = (status: number, description: string): ApiError => ({ status, code: status, description });

/** The community a request names (extension `community_id`, or `address_id`, both a community's slug), or the street's only one. */
function communityOf(db: DbOrTx, street: Street, named: string) {
	const all = db.select().from(communities).where(eq(communities.streetId, street.id)).all();
	if (named) return all.find((c) => c.slug === named) ?? null;
	return all.length === 1 ? all[0] : undefined;
}

export type Posted = { ok: true; id: number; notice: string } | { ok: false; errors: ApiError[] };

export function fileThroughApi(db: Db, street: Street, fields: Fields, ip: string, now: number): Posted {
	const key = keyBySecret(db, street.id, one(fields, 'api_key'));
	if (!key) {
		const tries = checkRate(db, BAD_KEY_LIMIT, ip, now);
		if (!tries.allowed) return { ok: false, errors: [error(429, t('open311_error_rate'))] };
		recordRate(db, BAD_KEY_LIMIT, ip, now);
		return { ok: false, errors: [error(403, t('open311_error_key'))] };
	}
	if (!checkRate(db, KEY_LIMIT, String(key.id), now).allowed) return { ok: false, errors: [error(429, t('open311_error_rate'))] };

	const code = one(fields, 'service_code');
	if (!code) return { ok: false, errors: [error(400, t('open311_error_service_missing'))] };
	const found = serviceByCode(db, street.id, code);
	if (!found) return { ok: false, errors: [error(404, t('open311_error_service_unknown', { code }))] };

	const parsed = postSchema.safeParse(Object.fromEntries(Object.keys(postSchema.shape).map((name) => [name, one(fields, name)])));
	if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => error(400, t('open311_error_field', { field: String(i.path[0]) }))) };
	const v = parsed.data;
	const addressId = one(fields, 'address_id');
	if ((v.lat === null) !== (v.long === null)) return { ok: false, errors: [error(400, t('open311_error_lat_long'))] };
	if (v.lat === null && v.address_string === null && !addressId) return { ok: false, errors: [error(400, t('open311_error_location'))] };

	const community = communityOf(db, street, one(fields, 'community_id') || addressId);
	if (community === null) return { ok: false, errors: [error(404, t('open311_error_community_unknown'))] };
	if (community === undefined) return { ok: false, errors: [error(400, t('open311_error_community'))] };

	const answered = parseAnswers(found.attributes, attributeFields(fields));
	if (!answered.ok) return { ok: false, errors: Object.entries(answered.fields).map(([field, key]) => error(400, `${field}: ${t(key)}`)) };

	const service = found.service;
	const name = [v.first_name, v.last_name].filter(Boolean).join(' ') || null;
	const id = db.transaction(
		(tx) => {
			// a revocation that landed since the key was checked wins
			const live = keyBySecret(tx, street.id, one(fields, 'api_key'));
			if (!live) return null;
			const report = insertReport(
				tx,
				{
					streetId: street.id,
					communityId: community.id,
					gridId: null,
					serviceId: service.id,
					reporterId: null,
					source: 'open311',
					apiKeyId: key.id,
					description: v.description ?? service.nameHant,
					address: v.address_string,
					lat: v.lat,
					long: v.long,
					contactName: name,
					contactEmail: v.email,
					contactPhone: v.phone,
					deviceId: v.device_id,
					accountId: v.account_id,
					mediaUrl: v.media_url
				},
				answered.answers,
				// an API request carries no photo of its own, only a media_url
				[],
				now,
				() => {}
			);
			recordRate(tx, KEY_LIMIT, String(key.id), now);
			writeAudit(
				tx,
				null,
				{
					action: 'open311.request_filed',
					subjectType: 'report',
					subjectId: report.id,
					communityId: community.id,
					streetId: street.id,
					summary: { key: key.name, keyId: key.id, service: service.code, ip }
				},
				now
			);
			notify(tx, triageUserIds(tx, report), 'report_new', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id), now);
			return report.id;
		},
		{ behavior: 'immediate' }
	);
	if (id === null) return { ok: false, errors: [error(403, t('open311_error_key'))] };
	return { ok: true, id, notice: t(`open311_notice_${service.deadlineClass}`) };
}

/** The form fields of a POST body, repeated names as lists (attribute[code][]). */
export function formFields(data: URLSearchParams | FormData): Fields {
	const out: Fields = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = all.length > 1 || key.endsWith('[]') ? all : (all[0] ?? '');
	}
	return out;
}
