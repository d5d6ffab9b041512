import * as assert from 'node:assert/strict';
import { State } from 'ts-fsrs';
import type { ReviewEntry } from '../../client/src/quiz/reviewStore';
import { Scheduler, type Card, type GradeValue } from '../../client/src/quiz/scheduler';
import { computeStats, reviewHistory, streak, todaysCards } from '../../client/src/quiz/stats';

// Local-time dates, so "today" is the same day in every time zone the tests run in.
const at = (day: number, hour: number) => new Date(2025, 2, 10 + day, hour, 0, 0);
const NOW = at(0, 18);

let n = 0;
const entry = (cardId: string, grade: GradeValue, when: Date, wasDue: boolean): ReviewEntry => ({
  id: `e${n++}`,
  cardId,
  grade,
  at: when.toISOString(),
  window: 'w',
  wasDue,
});

const log: ReviewEntry[] = [
  entry('c1', 3, at(-2, 9), false),
  entry('c1', 3, at(-1, 9), true),
  entry('c2', 1, at(-1, 10), false),
  entry('c1', 1, at(0, 8), true),
  entry('c2', 3, at(0, 9), true),
  entry('c3', 3, at(0, 10), false),
];

const base = new Scheduler().grade(undefined, 4, at(-30, 9));
const card = (due: Date, state = State.Review): Card => ({ ...base, due, state });
const cards = new Map<string, Card>([
  ['c1', card(at(0, 23), State.Relearning)], // later today
  ['c2', card(at(3, 9))],
  ['c3', card(at(1, 0), State.Learning)], // just after midnight: tomorrow
  ['orphan', card(at(-5, 9))], // no longer in the notes
]);
const items = new Map<string, string[]>([
  ['c1', ['ec2']],
  ['c2', ['ec2', 's3']],
  ['c3', ['s3', 's3']],
  ['never-reviewed', ['lambda']],
]);

describe('quiz stats', () => {
  it('computes due, reviewed, true retention, streak and per-service numbers', () => {
    const stats = computeStats({ log, cards, items, now: NOW });
    assert.deepEqual(stats, {
      dueToday: 1,
      reviewedToday: 3,
      trueRetention: 2 / 3,
      dueReviews: 3,
      streakDays: 3,
      services: [
        { termId: 'ec2', cards: 2, dueToday: 1, reviewedToday: 2, trueRetention: 2 / 3, dueReviews: 3 },
        { termId: 's3', cards: 2, dueToday: 0, reviewedToday: 2, trueRetention: 1, dueReviews: 1 },
        { termId: 'lambda', cards: 1, dueToday: 0, reviewedToday: 0, trueRetention: null, dueReviews: 0 },
      ],
    });
  });

  it('has no retention before any due review', () => {
    const stats = computeStats({ log: [], cards: new Map(), items: new Map(), now: NOW });
    assert.equal(stats.trueRetention, null);
    assert.equal(stats.streakDays, 0);
    assert.equal(stats.dueToday, 0);
  });

  it('keeps the streak through today until the day is over, and breaks it on a missed day', () => {
    assert.equal(streak(log, at(1, 12)), 3, 'nothing reviewed yet tomorrow: the streak still counts');
    assert.equal(streak(log, at(2, 12)), 0, 'a whole day missed');
    assert.equal(streak([...log, entry('c1', 3, at(2, 8), false)], at(2, 12)), 1);
  });

  it('counts cards first reviewed today against the new-card limit', () => {
    assert.equal(todaysCards(log, NOW).introduced.size, 1);
    assert.equal(todaysCards(log, at(-1, 20)).introduced.size, 1);
    assert.equal(todaysCards(log, at(-2, 20)).introduced.size, 1);
    assert.equal(todaysCards(log, at(1, 20)).introduced.size, 0);
  });

  it('gives reviews per day and the retention of the week ending each day, oldest day first', () => {
    assert.deepEqual(reviewHistory(log, NOW, 5), [
      { day: '2025-03-06', reviews: 0, retention: null },
      { day: '2025-03-07', reviews: 0, retention: null },
      { day: '2025-03-08', reviews: 1, retention: null },
      { day: '2025-03-09', reviews: 2, retention: 1 },
      { day: '2025-03-10', reviews: 3, retention: 2 / 3 },
    ]);
    assert.equal(reviewHistory(log, NOW).length, 30);
  });

  it('lets a due review leave the retention window after seven days', () => {
    const again = [entry('c1', 1, at(-6, 9), true)];
    assert.deepEqual(reviewHistory(again, NOW, 1), [{ day: '2025-03-10', reviews: 0, retention: 0 }]);
    assert.deepEqual(reviewHistory(again, at(1, 9), 1), [{ day: '2025-03-11', reviews: 0, retention: null }]);
  });
});
