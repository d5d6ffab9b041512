import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CardFlags } from '../../client/src/quiz/cardFlags';

const TODAY = new Date(2025, 2, 10, 9, 0);
const TOMORROW = new Date(2025, 2, 11, 9, 0);

describe('quiz card flags', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'quiz-flags-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('hides a buried card until tomorrow and a suspended one for good, across windows', async () => {
    const flags = new CardFlags(root);
    await flags.setAside('a', 'bury', TODAY);
    await flags.setAside('b', 'suspend', TODAY);
    const other = new CardFlags(root);
    await other.load();
    assert.deepEqual(
      ['a', 'b', 'c'].map((id) => other.isHidden(id, TODAY)),
      [true, true, false],
    );
    assert.deepEqual(
      ['a', 'b'].map((id) => other.isHidden(id, TOMORROW)),
      [false, true],
    );
  });

  it('reads a damaged file as no card set aside and replaces it on the next change', async () => {
    mkdirSync(path.join(root, '.cloud-notes'));
    writeFileSync(path.join(root, '.cloud-notes', 'card-flags.json'), '{ not json');
    const flags = new CardFlags(root);
    await flags.load();
    assert.equal(flags.isHidden('a', TODAY), false);
    await flags.setAside('a', 'suspend', TODAY);
    assert.deepEqual(JSON.parse(readFileSync(flags.file, 'utf8')), { version: 1, suspended: ['a'], buried: {} });
  });
});
