import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { publishedMenu, storedFiles, useTempUploads } from './fixture';
import { seedImplementation, sitePhoto } from '../../../src/scripts/demo/implementation';
import { communityOutcomes } from '../../../src/lib/server/menus/implementation/outcomes';
import { projectImplementation } from '../../../src/lib/server/menus/implementation/queries';
import { loadProject } from '../../../src/lib/server/menus/records';
import { projectAt } from '../menus/helpers';
import { detectImageType } from '../../../src/lib/server/media/photos';
import { readPhoto as readStored } from '../../../src/lib/server/media/storage';
const readPhoto = (name: string) => readStored('projects', name);
import { notifications } from '../../../src/lib/server/notifications/schema';
import { projectPhotos } from '../../../src/lib/server/menus/implementation/schema';

useTempUploads();

describe('demo implementation seed', () => {
	it('does nothing without a published jinwei menu', async () => {
		const w = demoWorld();
		publishedMenu(w, { published: false });
		await seedImplementation(w.db, w.ids, w.now);
		expect(communityOutcomes(w.db, w.ids.community.jinwei).totals.chosen).toBe(0);
		expect(w.db.select().from(projectPhotos).all()).toHaveLength(0);
	});

	it('accepts two chosen projects with updates, photos, spending and representatives, and leaves one under way', async () => {
		const w = demoWorld();
		const menu = publishedMenu(w);
		await seedImplementation(w.db, w.ids, w.now);
		const [m] = communityOutcomes(w.db, w.ids.community.jinwei).menus;
		expect(m.projects.map((p) => [p.state, p.percent])).toEqual([
			['accepted', 100],
			['accepted', 100],
			['in_progress', 40]
		]);
		for (const p of m.projects.slice(0, 2)) {
			expect(p.acceptance!.representatives.length).toBeGreaterThan(1);
			expect(p.totals.linesWithoutActual).toBe(0);
			expect(p.totals.actual).toBeGreaterThan(0);
			expect(p.photos.length).toBeGreaterThan(0);
		}
		expect(m.projects[2].totals.linesWithoutActual).toBe(2);

		const a = projectImplementation(w.db, loadProject(w.db, projectAt(w.db, menu.projects.a))!);
		const times = a.updates.map((u) => u.createdAt);
		expect(times).toEqual([...times].sort((x, y) => y - x));
		expect(a.project.acceptedAt!).toBeGreaterThan(times[0]);
		expect(a.project.acceptedAt!).toBeLessThanOrEqual(w.now);

		// the photos are real PNGs, stored where the server reads them
		const rows = w.db.select().from(projectPhotos).all();
		expect(storedFiles()).toEqual(expect.arrayContaining(rows.map((r) => r.fileName)));
		expect(detectImageType(new Uint8Array(readPhoto(rows[0].fileName)!))).toBe('image/png');
		// the voters of the accepted projects were told: five for the first, two for the second (resident1 voted for both)
		expect(w.db.select().from(notifications).where(eq(notifications.kind, 'impl_accepted')).all().length).toBe(7);
	});

	it('draws a site photo as a PNG', () => {
		expect(detectImageType(new Uint8Array(sitePhoto(0.5, [200, 0, 0])))).toBe('image/png');
	});
});
