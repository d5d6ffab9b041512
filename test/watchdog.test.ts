import * as assert from 'node:assert/strict';
import { STALL_MS, Watchdog } from '../server/src/lsp/watchdog';

describe('watchdog', () => {
  it('says which work kept the server from answering for over a second, and nothing while it answers', async () => {
    const warnings: string[] = [];
    const watchdog = new Watchdog({ info() {}, warn: (m) => warnings.push(m) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 450));
      assert.deepEqual(warnings, []);
      await watchdog.during('the quiz', async () => {
        const until = performance.now() + STALL_MS + 300;
        while (performance.now() < until) {
          // work that never yields
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      });
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^No request could be answered for \d+ ms while the server was busy with the quiz$/);
    } finally {
      watchdog.dispose();
    }
  });
});
