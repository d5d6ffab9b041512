// A fixed-seed fuzz of the language service (see helpers/fuzzHarness.ts), and every case a long
// run (`npm run fuzz`) once failed on, saved in test/fixtures/fuzz/.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { fuzzService, replayFailure } from './helpers/fuzzHarness';

/** Generous for a slow 2-core CI runner: the worst request of this run measured 100–130 ms on a loaded 2-core machine. */
const MAX_LATENCY_MS = 1000;
const FAILURES = path.join(__dirname, 'fixtures', 'fuzz');

describe('fuzz: random and hostile notes through every request', () => {
  const knowledge = loadKnowledge();

  it('throws nowhere, keeps every range inside its note and answers each request within 1 s', async () => {
    const report = await fuzzService(knowledge, { seed: 13, numRuns: 40, maxLatencyMs: MAX_LATENCY_MS });
    assert.equal(report.runs, 40);
    assert.ok(report.requests > 40 * 10);
  }).timeout(120_000);

  for (const file of existsSync(FAILURES) ? readdirSync(FAILURES).filter((f) => f.endsWith('.json')) : []) {
    it(`replays ${file}`, () => replayFailure(knowledge, readFileSync(path.join(FAILURES, file), 'utf8'), MAX_LATENCY_MS));
  }
});
