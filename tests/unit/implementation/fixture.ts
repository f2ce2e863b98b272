// A jinwei menu whose results are published, built directly in the tables (the menus commands are
// another engineer's work): three selected projects, one that did not fit, and ballots of residents.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY } from '../../../src/lib/server/db/time';
import { menus, menuProjects, ballots, ballotChoices } from '../../../src/lib/server/menus/schema';
import { mediaDir } from '../../../src/lib/server/media/storage';
import type { World } from '../world';

/** Each test file writes its photos into its own temporary folder. */
export function useTempUploads() {
	process.env.UPLOADS_DIR = mkdtempSync(join(tmpdir(), 'impl-uploads-'));
}

export function storedFiles(): string[] {
	try {
		return readdirSync(mediaDir('projects'));
	} catch {
		return [];
	}
}

export const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

export type MenuOptions = {
	community?: 'jinwei' | 'fenghuangshan';
	published?: boolean;
	source?: 'native' | 'pabulib';
	title?: string;
};

/**
 * Projects: a (selected; voted by resident1–5), b (selected; resident1, resident6), c (selected;
 * resident7), d (not selected; resident8). Returns their ids.
 */
export function publishedMenu(w: World, options: MenuOptions = {}) {
	const start = w.now - 90 * DAY;
	const communityId = w.ids.community[options.community ?? 'jinwei'];
	const published = options.published ?? true;
	return w.db.transaction((tx) => {
		const menu = tx
			.insert(menus)
			.values({
				communityId,
				title: options.title ?? '2026 年金韋社區民生微實事',
				budget: 300_000 * 100, // fen
				ballotRule: 'approval_budget',
				collectStartsAt: start,
				reviewStartsAt: start + 10 * DAY,
				voteStartsAt: start + 20 * DAY,
				resultsStartsAt: start + 30 * DAY,
				implementationStartsAt: start + 31 * DAY,
				acceptanceStartsAt: start + 80 * DAY,
				resultsPublishedAt: published ? start + 30 * DAY : null,
				source: options.source ?? 'native',
				createdBy: w.ids.user.street,
				createdAt: start
			})
			.returning()
			.get();
		const project = (title: string, cost: number, selected: boolean, votes: number) =>
			tx
				.insert(menuProjects)
				.values({
					menuId: menu.id,
					title,
					estimatedCost: cost * 100, // yuan given, fen stored
					finalCost: cost * 100,
					feasibility: 'feasible',
					selected: published ? selected : null,
					votes: published ? votes : null,
					createdAt: start + DAY
				})
				.returning()
				.get().id;
		const ids = {
			a: project('韋園新村樓道照明改造', 120_000, true, 5),
			b: project('金韋花園長者休憩座椅', 40_000, true, 2),
			c: project('社區兒童閱讀角', 60_000, true, 1),
			d: project('停車場智能道閘', 200_000, false, 1)
		};
		const vote = (username: string, projects: number[]) => {
			const ballot = tx
				.insert(ballots)
				.values({ menuId: menu.id, voterId: w.ids.user[username], createdAt: start + 21 * DAY, updatedAt: start + 21 * DAY })
				.returning()
				.get();
			tx.insert(ballotChoices).values(projects.map((projectId) => ({ ballotId: ballot.id, projectId }))).run();
		};
		if (published) {
			vote('resident1', [ids.a, ids.b]);
			for (const r of ['resident2', 'resident3', 'resident4', 'resident5']) vote(r, [ids.a]);
			vote('resident6', [ids.b]);
			vote('resident7', [ids.c]);
			vote('resident8', [ids.d]);
		}
		return { menuId: menu.id, projects: ids };
	});
}
