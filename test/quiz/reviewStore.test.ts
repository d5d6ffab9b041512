import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CARDS_FILE, LOG_FILE, ReviewStore, SIDECAR_DIR, writeFileAtomic } from '../../client/src/quiz/reviewStore';
import { Scheduler } from '../../client/src/quiz/scheduler';

const T0 = new Date('2025-03-10T09:00:00.000Z');

describe('quiz review store', () => {
  let root: string;
  let now: Date;
  const scheduler = new Scheduler({ desiredRetention: 0.9, newCardsPerDay: 20 });
  const open = (windowId = 'w1', s = scheduler) => new ReviewStore({ root, windowId, scheduler: s, clock: () => now });
  const sidecar = () => path.join(root, SIDECAR_DIR);
  const read = (name: string) => readFileSync(path.join(sidecar(), name), 'utf8');
  const logLines = () =>
    read(LOG_FILE)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'quiz-store-'));
    now = T0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('starts empty without creating files', async () => {
    const store = open();
    assert.deepEqual(await store.load(), []);
    assert.equal(store.cards.size, 0);
    assert.deepEqual(readdirSync(root), []);
  });

  it('round-trips reviews through the log and the card cache', async () => {
    const a = open();
    await a.record('card-1', 3);
    now = new Date(T0.getTime() + 60 * 60_000);
    const { card } = await a.record('card-1', 3);
    await a.record('card-2', 1);

    const b = open('w2');
    assert.deepEqual(await b.load(), []);
    assert.equal(b.log.length, 3);
    assert.deepEqual(b.cards.get('card-1'), card);
    assert.equal(b.cards.get('card-1')!.reps, 2);
    assert.equal(b.cards.get('card-2')!.due.toISOString(), '2025-03-10T10:01:00.000Z');
    const cache = JSON.parse(read(CARDS_FILE));
    assert.equal(cache.replayed, 3);
    assert.equal(cache.lastEntryId, logLines()[2].id);
    assert.deepEqual(
      logLines().map((e) => [e.cardId, e.grade, e.at, e.window, e.wasDue]),
      [
        ['card-1', 3, '2025-03-10T09:00:00.000Z', 'w1', false],
        ['card-1', 3, '2025-03-10T10:00:00.000Z', 'w1', false],
        ['card-2', 1, '2025-03-10T10:00:00.000Z', 'w1', false],
      ],
    );
  });

  it('marks a review of a card that had fallen due', async () => {
    const store = open();
    const { card } = await store.record('c', 4); // Easy: straight to review, due in 8 days
    now = new Date(card.due.getTime() + 1000);
    await store.record('c', 3);
    assert.deepEqual(
      logLines().map((e) => e.wasDue),
      [false, true],
    );
  });

  it('backs up a corrupt card cache, says so, and rebuilds it from the log', async () => {
    const first = open();
    await first.record('c1', 3);
    await first.record('c2', 4);
    const expected = new Map(first.cards);
    writeFileSync(path.join(sidecar(), CARDS_FILE), '{"version": 1, "cards": {oops');
    now = new Date('2025-03-11T08:30:00.000Z');

    const store = open();
    const problems = await store.load();
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.equal(problem.kind, 'corruptCards');
    assert.equal(problem.file, path.join(sidecar(), CARDS_FILE));
    assert.equal(problem.backup, path.join(sidecar(), 'cards.json.corrupt-2025-03-11T08-30-00-000Z'));
    assert.match(problem.detail, /JSON/);
    assert.equal(readFileSync(problem.backup, 'utf8'), '{"version": 1, "cards": {oops');
    assert.deepEqual(store.cards, expected);
    assert.equal(JSON.parse(read(CARDS_FILE)).replayed, 2);
    assert.deepEqual(await open().load(), [], 'the rebuilt cache reads cleanly');
  });

  it('treats a hand-edited card cache with bad values as corrupt', async () => {
    await open().record('c1', 3);
    const cache = JSON.parse(read(CARDS_FILE));
    cache.cards.c1.due = 'next tuesday';
    writeFileSync(path.join(sidecar(), CARDS_FILE), JSON.stringify(cache));
    const store = open();
    const problems = await store.load();
    assert.deepEqual(
      problems.map((p) => [p.kind, 'detail' in p ? p.detail : '']),
      [['corruptCards', 'card c1: bad date']],
    );
    assert.equal(store.cards.get('c1')!.due.toISOString(), '2025-03-10T09:10:00.000Z');
  });

  it('keeps the readable reviews of a damaged log and backs up the original', async () => {
    const first = open();
    await first.record('c1', 3);
    await first.record('c2', 3);
    const original = read(LOG_FILE).replace('\n', '\nnot json\n') + '{"cardId": "c3"}\n';
    writeFileSync(path.join(sidecar(), LOG_FILE), original);

    const store = open();
    const problems = await store.load();
    assert.equal(problems.length, 1);
    const problem = problems[0];
    assert.ok(problem.kind === 'corruptLog');
    assert.equal(problem.keptEntries, 2);
    assert.equal(problem.droppedLines, 2);
    assert.equal(problem.detail, 'unreadable line(s) 2, 4');
    assert.equal(readFileSync(problem.backup, 'utf8'), original);
    assert.deepEqual(
      logLines().map((e) => e.cardId),
      ['c1', 'c2'],
    );
    assert.deepEqual([...store.cards.keys()].sort(), ['c1', 'c2']);
    assert.deepEqual(await open().load(), [], 'reported once, not on every load');
  });

  it('skips a review torn by an interrupted write, says so once, and moves nothing aside', async () => {
    const first = open();
    await first.record('c1', 3);
    await first.record('c2', 3);
    const torn = read(LOG_FILE).split('\n')[1].slice(0, 40);
    writeFileSync(path.join(sidecar(), LOG_FILE), read(LOG_FILE) + torn);

    const store = open();
    assert.deepEqual(await store.load(), [{ kind: 'tornLine', file: path.join(sidecar(), LOG_FILE), line: 3 }]);
    assert.deepEqual(
      store.log.map((e) => e.cardId),
      ['c1', 'c2'],
    );
    assert.deepEqual(await store.load(), [], 'reported once');
    const { problems } = await store.record('c3', 3);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      store.log.map((e) => e.cardId),
      ['c1', 'c2', 'c3'],
    );
    assert.deepEqual(readdirSync(sidecar()).sort(), [CARDS_FILE, LOG_FILE], 'no backup: a torn line is not corruption');
    assert.equal(read(LOG_FILE).split('\n')[2], torn, 'the next review starts on a line of its own');
  });

  it('removes temp files a killed write left behind, but not one another window is writing', async () => {
    await open().record('c1', 3);
    const orphan = path.join(sidecar(), `${CARDS_FILE}.0b8c9a52-3f0e-4a59-9d8e-2f4f7d1c6a10.tmp`);
    const inFlight = path.join(sidecar(), `${CARDS_FILE}.5d1e7c3b-8a2f-4e6d-b9c0-1a2b3c4d5e6f.tmp`);
    writeFileSync(orphan, '{"version": 1, "car');
    writeFileSync(inFlight, '{"version": 1, "car');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(orphan, hourAgo, hourAgo);
    const store = open();
    assert.deepEqual(await store.load(), []);
    assert.equal(existsSync(orphan), false);
    assert.equal(existsSync(inFlight), true);
    assert.equal(store.cards.get('c1')!.reps, 1);
  });

  it('loses no review when two windows find the same damaged log and both move it aside', async () => {
    for (let trial = 0; trial < 5; trial++) {
      rmSync(sidecar(), { recursive: true, force: true });
      const seed = open('seed');
      await seed.record('c0', 3);
      writeFileSync(path.join(sidecar(), LOG_FILE), read(LOG_FILE) + 'garbage\n');
      const [a, b] = [open('window-a'), open('window-b')];
      const [fromA, fromB] = await Promise.all([a.record('a', 3), b.record('b', 3)]);
      assert.equal(fromA.card.reps, 1);
      assert.equal(fromB.card.reps, 1);
      const reviews = open('check');
      await reviews.load();
      assert.deepEqual(reviews.log.map((e) => e.cardId).sort(), ['a', 'b', 'c0'], `trial ${trial}`);
      const backups = readdirSync(sidecar()).filter((f) => f.includes('.corrupt-'));
      assert.ok(backups.length >= 1);
      assert.ok(
        backups.some((f) => readFileSync(path.join(sidecar(), f), 'utf8').includes('garbage')),
        'the damaged log is kept',
      );
    }
  });

  it('does not glue a new review onto a hand-edited last line without a newline', async () => {
    const store = open();
    await store.record('c1', 3);
    writeFileSync(path.join(sidecar(), LOG_FILE), read(LOG_FILE).trimEnd());
    await store.record('c2', 3);
    assert.deepEqual(
      logLines().map((e) => e.cardId),
      ['c1', 'c2'],
    );
    assert.deepEqual(await open().load(), []);
  });

  it('keeps both windows’ reviews when two windows review interleaved', async () => {
    const a = open('window-a');
    const b = open('window-b');
    await a.load();
    await b.load();
    await a.record('shared', 3);
    now = new Date(T0.getTime() + 15 * 60_000);
    await b.record('only-b', 3);
    const fromB = await b.record('shared', 3); // b must see a's review of "shared" first
    assert.equal(fromB.card.reps, 2);
    now = new Date(T0.getTime() + 30 * 60_000);
    await a.record('only-a', 1);
    const fromA = await a.record('shared', 3);
    assert.equal(fromA.card.reps, 3);

    const fresh = open('window-c');
    assert.deepEqual(await fresh.load(), []);
    assert.deepEqual(
      fresh.log.map((e) => `${e.window}:${e.cardId}`),
      ['window-a:shared', 'window-b:only-b', 'window-b:shared', 'window-a:only-a', 'window-a:shared'],
    );
    assert.equal(fresh.cards.get('shared')!.reps, 3);
    assert.deepEqual([...fresh.cards.keys()].sort(), ['only-a', 'only-b', 'shared']);
  });

  it('runs one window’s overlapping records one after another', async () => {
    const store = open();
    const results = await Promise.all([store.record('a', 3), store.record('b', 3), store.record('a', 1)]);
    assert.deepEqual(
      results.map((r) => r.card.reps),
      [1, 1, 2],
    );
    assert.equal(store.log.length, 3);
    assert.equal(JSON.parse(read(CARDS_FILE)).replayed, 3);
  });

  it('replays in time order when another window appended an older review', async () => {
    const ahead = open('ahead');
    now = new Date(T0.getTime() + 10 * 60_000);
    await ahead.record('c', 3);
    await ahead.load();
    const behind = new ReviewStore({ root, windowId: 'behind', scheduler, clock: () => T0 });
    await behind.record('c', 1); // a clock five minutes slow
    await ahead.load();
    assert.equal(ahead.cards.get('c')!.reps, 2);
    assert.equal(ahead.cards.get('c')!.last_review!.toISOString(), '2025-03-10T09:10:00.000Z');
  });

  it('rebuilds the cards when the desired retention changes', async () => {
    const { card } = await open().record('c', 4);
    const stricter = open('w1', new Scheduler({ desiredRetention: 0.95, newCardsPerDay: 20 }));
    await stricter.load();
    assert.ok(stricter.cards.get('c')!.due < card.due);
    assert.equal(JSON.parse(read(CARDS_FILE)).retention, 0.95);
  });

  it('writes atomically and leaves no temp files, even when the rename fails', async () => {
    const store = open();
    for (let i = 0; i < 5; i++) {
      await store.record(`c${i}`, 3);
    }
    assert.deepEqual(readdirSync(sidecar()).sort(), [CARDS_FILE, LOG_FILE]);

    const target = path.join(root, 'a-directory');
    mkdirSync(target);
    await assert.rejects(writeFileAtomic(target, 'x'));
    assert.deepEqual(readdirSync(root).sort(), [SIDECAR_DIR, 'a-directory']);
  });
});
