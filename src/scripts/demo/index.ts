// Fills a migrated, empty database with the demo street. Each domain adds its part after the foundation.
import type { Db } from '../../lib/server/db/client';
import { hashPassword } from '../../lib/server/auth/passwords';
import { seedFoundation, type DemoIds } from './foundation';
import { seedImplementation } from './implementation';
import { seedMenus } from './menus';
import { seedDeliberation } from './deliberation';
import { seedEvaluations } from './evaluations';
import { seedAreas } from './areas';
import { seedDispatch } from './dispatch';

export const DEFAULT_DEMO_PASSWORD = 'cocreate-demo';

/** `passwordHash` lets a domain add demo accounts that sign in with the demo password. */
export type DomainSeed = (db: Db, ids: DemoIds, now: number, passwordHash: string) => void | Promise<void>;
/** Domain seeds, in order. Each domain appends its own here. */
const DOMAIN_SEEDS: DomainSeed[] = [
	seedMenus,
	// implementation works on the menus seed's published menu: keep it after the menus seed
	seedImplementation,
	seedDeliberation,
	seedAreas,
	seedDispatch,
	// ratings and evaluations rate the accepted projects and need the neighbours: keep it last
	seedEvaluations
];

export async function seedDemo(db: Db, options: { password?: string; now?: number } = {}): Promise<DemoIds> {
	const now = options.now ?? Date.now();
	const hash = await hashPassword(options.password ?? process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
	const ids = seedFoundation(db, hash, now);
	for (const seed of DOMAIN_SEEDS) await seed(db, ids, now, hash);
	return ids;
}
