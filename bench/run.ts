/**
 * Benchmark entry point (`npm run bench`, optionally `npm run bench -- matcher`): runs each
 * benchmark in turn, in one process so figures share the same warm machine state.
 */
import { runComplianceBench } from './compliance.bench';
import { runMatcherBench } from './matcher.bench';
import { runPublishingBench } from './publishing.bench';
import { runAnalyticsBench } from './analytics.bench';

const benches: readonly (readonly [name: string, run: () => Promise<void>])[] = [
  ['matcher', runMatcherBench],
  ['compliance', runComplianceBench],
  ['publishing', runPublishingBench],
  ['analytics', runAnalyticsBench],
];

const only = process.argv.slice(2);
for (const [name, run] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`=== ${name}`);
  await run();
}
