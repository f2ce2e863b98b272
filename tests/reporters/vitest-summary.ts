// Prints one plain closing line, "unit: N passed, N failed", that any CI can read.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>) {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		for (const module of modules) {
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') passed++;
				else if (state === 'failed') failed++;
				else skipped++;
			}
			if (module.state() === 'failed' && ![...module.children.allTests()].length) failed++; // a file that did not load
		}
		console.log(`unit: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	}
}
