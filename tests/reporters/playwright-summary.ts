// Prints one plain closing line, "e2e: N passed, N failed", that any CI can read.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
	private outcomes = new Map<string, TestResult['status']>();

	onTestEnd(test: TestCase, result: TestResult) {
		this.outcomes.set(test.id, result.status);
	}

	onEnd() {
		const all = [...this.outcomes.values()];
		const passed = all.filter((s) => s === 'passed').length;
		const skipped = all.filter((s) => s === 'skipped').length;
		const failed = all.length - passed - skipped;
		console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	}
}
