// Request bodies are bounded before anything reads them. Five visitors sending 40 MB each to any form took
// the server to 910 MB: now only the upload actions of signed-in staff take large bodies, and every other
// body is refused over 1 MB — by its Content-Length before a byte is read, and, for a chunked body, by
// counting bytes as they arrive. A body that is not a well-formed form is a 400, not a 500.
import { error, isHttpError, type Handle, type RequestEvent } from '@sveltejs/kit';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../menus/implementation/validation';
import { MAX_PB_BYTES } from '../menus/validation';
import { MAX_CARE_PHOTOS, MAX_PLAN_BYTES } from '../areas/validation';
import { MAX_PHOTO_BYTES as MAX_AREA_PHOTO_BYTES } from '../media/photos';
import { MAX_REPORT_PHOTOS } from '../dispatch/validation';
import { MAX_PROPOSAL_PHOTOS } from '../proposals/validation';
import { MAX_PHOTO_BYTES as MAX_REPORT_PHOTO_BYTES } from '../media/photos';
import { t } from '../i18n';
import { canSomewhere, type CommandAction } from '../policy';

export const SMALL_BODY = 1024 * 1024;

/**
 * The actions that take files: route id and form action name (`?/name`, or `default`), and the policy action
 * a person must be allowed somewhere to send a large body to it: a signed-in session alone is not enough to
 * make the server hold 30 MB. A domain that takes photos adds its form here.
 */
export const UPLOADS: { route: string; action: string; may: CommandAction; limit: number }[] = [
	{ route: '/c/[slug]/menus/[id=id]/projects/[projectId=id]', action: 'progress', may: 'menu.post_progress', limit: MAX_PHOTOS * MAX_PHOTO_BYTES + SMALL_BODY },
	{ route: '/c/[slug]/menus/import', action: 'default', may: 'menu.import_pabulib', limit: MAX_PB_BYTES + SMALL_BODY },
	// 建設共管: care logs take four photos (residents who share a claim), areas one, the plan one large scan
	{ route: '/c/[slug]/areas/[id=id]', action: 'log', may: 'area.log_care', limit: MAX_CARE_PHOTOS * MAX_AREA_PHOTO_BYTES + SMALL_BODY },
	{ route: '/c/[slug]/areas/new', action: 'default', may: 'area.create', limit: MAX_AREA_PHOTO_BYTES + SMALL_BODY },
	{ route: '/c/[slug]/areas/[id=id]/edit', action: 'default', may: 'area.update', limit: MAX_AREA_PHOTO_BYTES + SMALL_BODY },
	{ route: '/c/[slug]/areas/plan', action: 'upload', may: 'area.upload_plan', limit: MAX_PLAN_BYTES + SMALL_BODY },
	// 決策共謀: a resident's proposal with its photos
	{ route: '/c/[slug]/proposals/new', action: 'default', may: 'proposal.create', limit: MAX_PROPOSAL_PHOTOS * MAX_REPORT_PHOTO_BYTES + SMALL_BODY },
	// 吹哨派單: a report's photos, and the evidence of an on-the-spot fix or a department's reply
	{ route: '/c/[slug]/reports/new', action: 'default', may: 'report.file', limit: MAX_REPORT_PHOTOS * MAX_REPORT_PHOTO_BYTES + SMALL_BODY },
	{ route: '/c/[slug]/reports/[id=id]', action: 'onSpot', may: 'report.handle_on_spot', limit: MAX_REPORT_PHOTOS * MAX_REPORT_PHOTO_BYTES + SMALL_BODY },
	{ route: '/c/[slug]/reports/[id=id]', action: 'reply', may: 'report.reply', limit: MAX_REPORT_PHOTOS * MAX_REPORT_PHOTO_BYTES + SMALL_BODY }
];

/** The form action a POST names, as SvelteKit reads it: the first `?/name` parameter, else `default`. */
function actionName(url: URL): string {
	for (const [name] of url.searchParams) if (name.startsWith('/')) return name.slice(1);
	return 'default';
}

export function bodyLimit(event: Pick<RequestEvent, 'url' | 'route' | 'locals'>): number {
	const action = actionName(event.url);
	const upload = UPLOADS.find((u) => u.route === event.route.id && u.action === action);
	return upload && canSomewhere(event.locals.actor, upload.may) ? upload.limit : SMALL_BODY;
}

const httpError = (status: number, key: string): unknown => {
	try {
		error(status, t(key));
	} catch (e) {
		return e;
	}
};

/**
 * The body, failing with 413 on the first read once more than `limit` bytes have come (or were announced).
 * What is refused is read and forgotten rather than cut off, so the connection can still carry the answer.
 */
function bounded(body: ReadableStream<Uint8Array>, limit: number, announced: number): ReadableStream<Uint8Array> {
	// photos get the message about photos; any other form, the one about forms
	const tooLarge = () => httpError(413, limit > SMALL_BODY ? 'error_too_large' : 'error_request_too_large');
	const reader = body.getReader();
	if (announced > limit) {
		void drain(reader);
		return new ReadableStream({ pull: (controller) => controller.error(tooLarge()) });
	}
	let seen = 0;
	return new ReadableStream({
		async pull(controller) {
			const { done, value } = await reader.read();
			if (done) return controller.close();
			seen += value.byteLength;
			if (seen <= limit) return controller.enqueue(value);
			controller.error(tooLarge());
			void drain(reader);
		},
		cancel: () => void drain(reader)
	});
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
	try {
		while (!(await reader.read()).done);
	} catch {
		// the client went away, or the server's own BODY_SIZE_LIMIT stopped it: nothing left to read
	}
}

/** A request whose formData() turns a malformed body into a 400 (the request itself is kept). */
function withFormErrors(request: Request): Request {
	const parse = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		value: async () => {
			try {
				return await parse();
			} catch (e) {
				throw isHttpError(e) ? e : httpError(400, 'error_bad_form');
			}
		}
	});
	return request;
}

function guarded(request: Request, body: ReadableStream<Uint8Array>): Request {
	return withFormErrors(new Request(request, { body, duplex: 'half' } as RequestInit));
}

export const limitBodies: Handle = ({ event, resolve }) => {
	const body = event.request.body;
	if (body) {
		const header = event.request.headers.get('content-length');
		const announced = header === null ? NaN : Number(header);
		const limit = bodyLimit(event);
		// A body announced within the limit cannot be longer than announced (Node's parser reads that many bytes
		// and no more), so it is kept as it came: copying the request and counting its bytes was a tenth of the
		// time of a ballot. A chunked body, or one announced over the limit, is counted or refused as it comes.
		if (Number.isSafeInteger(announced) && announced >= 0 && announced <= limit) event.request = withFormErrors(event.request);
		else event.request = guarded(event.request, bounded(body, limit, Number.isFinite(announced) ? announced : 0));
	}
	return resolve(event);
};
