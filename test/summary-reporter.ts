import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the slowest test files, so that a run that grows slow says where its time went, and the
 * closing line 'N passed, N failed, N skipped' that CI reads, after Vitest's own summary.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
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
      // A failing hook (beforeAll, afterAll) or a file that does not load skips its tests: it counts
      // as a failure of its own, so the closing line never reads "0 failed" for a failed run.
      for (const suite of module.children.allSuites()) if (suite.errors().length > 0) failed++;
      if (module.errors().length > 0 || (module.state() === 'failed' && [...module.children.allTests()].length === 0)) failed++;
    }
    const slowest = modules
      .map((module) => ({ file: module.moduleId, ms: module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    process.stdout.write('\nSlowest test files:\n');
    for (const { file, ms } of slowest) {
      process.stdout.write(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${path.relative(process.cwd(), file)}\n`);
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
