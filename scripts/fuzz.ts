// A long fuzz of the language service (see test/helpers/fuzzHarness.ts) with a new seed each run:
// prints the seed, what it ran and the worst latency per request kind; on a failure it saves the
// failing case to test/fixtures/fuzz/ (which `npm test` then replays) and exits 1.
// Run: npm run fuzz [-- --runs 1000] [-- --seed 12345] [-- --max-latency-ms 1000]
import * as path from 'node:path';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { fuzzService } from '../test/helpers/fuzzHarness';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

async function main(): Promise<void> {
  const seed = option('--seed', Date.now() % 2 ** 31);
  const numRuns = option('--runs', 1000);
  const maxLatencyMs = option('--max-latency-ms', 1000);
  process.stdout.write(`fuzz: seed ${seed}, ${numRuns} runs, latency bound ${maxLatencyMs} ms\n`);
  const started = Date.now();
  try {
    const report = await fuzzService(loadKnowledge(), {
      seed,
      numRuns,
      maxLatencyMs,
      failuresDir: path.join(__dirname, '..', 'test', 'fixtures', 'fuzz'),
    });
    process.stdout.write(
      `${report.runs} runs: ${report.documents} document versions (${report.edits} edits), ${report.requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
    for (const [kind, { ms, chars }] of Object.entries(report.worst)) {
      process.stdout.write(`  ${kind.padEnd(17)} worst ${ms.toFixed(0).padStart(5)} ms  (note of ${chars} characters)\n`);
    }
  } catch (e) {
    process.stdout.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

void main();
