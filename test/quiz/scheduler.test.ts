import * as assert from 'node:assert/strict';
import { State } from 'ts-fsrs';
import { recognitionGrade, Scheduler } from '../../client/src/quiz/scheduler';

const T0 = new Date('2025-03-10T09:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

describe('quiz scheduler', () => {
  const scheduler = new Scheduler({ desiredRetention: 0.9, newCardsPerDay: 20 });

  it('schedules a new card graded Good later than one graded Again', () => {
    const again = scheduler.grade(undefined, 1, T0);
    const good = scheduler.grade(undefined, 3, T0);
    assert.equal(again.due.toISOString(), minutes(1).toISOString());
    assert.equal(good.due.toISOString(), minutes(10).toISOString());
    assert.ok(good.due > again.due);
    assert.equal(good.state, State.Learning);
    assert.equal(good.reps, 1);
  });

  it('graduates a new card graded Easy to review, later with a higher desired retention', () => {
    const easy = scheduler.grade(undefined, 4, T0);
    assert.equal(easy.state, State.Review);
    assert.equal(easy.due.toISOString(), days(8).toISOString());
    const stricter = new Scheduler({ desiredRetention: 0.95, newCardsPerDay: 20 }).grade(undefined, 4, T0);
    assert.ok(stricter.due < easy.due, 'a higher retention target reviews sooner');
  });

  it('previews every grade', () => {
    const preview = scheduler.preview(undefined, T0);
    assert.deepEqual(
      [preview[1], preview[2], preview[3], preview[4]].map((d) => d.toISOString()),
      [minutes(1), minutes(6), minutes(10), days(8)].map((d) => d.toISOString()),
    );
  });

  it('counts a right answer to a two-option question as recognition (Hard at best), not recall', () => {
    assert.equal(recognitionGrade(2, 4), 2);
    assert.equal(recognitionGrade(2, 3), 2);
    assert.equal(recognitionGrade(2, 1), 1);
    assert.equal(recognitionGrade(4, 3), 3);
    assert.equal(recognitionGrade(undefined, 4), 4);
  });
});
