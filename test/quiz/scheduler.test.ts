import * as assert from 'node:assert/strict';
import { State } from 'ts-fsrs';
import { buildDueQueue, Scheduler, type Card } from '../../client/src/quiz/scheduler';

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

  describe('due queue', () => {
    const review = (due: Date): Card => ({ ...scheduler.grade(undefined, 4, days(-30)), due });
    const learning = (due: Date): Card => ({ ...scheduler.grade(undefined, 3, minutes(-5)), due });
    const cards = new Map<string, Card>([
      ['r-later', review(days(-1))],
      ['r-overdue', review(days(-2))],
      ['r-tomorrow', review(days(1))],
      ['l-soon', learning(minutes(5))],
      ['l-late', learning(minutes(90))],
    ]);
    const ids = ['n1', 'r-tomorrow', 'r-later', 'n2', 'l-soon', 'n3', 'r-overdue', 'n4', 'l-late', 'n1'];

    it('puts due reviews first, most overdue first, then new cards in server order', () => {
      const queue = buildDueQueue({ ids, cards, newIntroducedToday: 0, newCardsPerDay: 20, now: T0 });
      assert.deepEqual(queue, ['r-overdue', 'r-later', 'l-soon', 'n1', 'n2', 'n3', 'n4']);
    });

    it('limits new cards to what is left of the daily limit', () => {
      assert.deepEqual(buildDueQueue({ ids, cards, newIntroducedToday: 1, newCardsPerDay: 3, now: T0 }), [
        'r-overdue',
        'r-later',
        'l-soon',
        'n1',
        'n2',
      ]);
      assert.deepEqual(buildDueQueue({ ids, cards, newIntroducedToday: 5, newCardsPerDay: 3, now: T0 }), [
        'r-overdue',
        'r-later',
        'l-soon',
      ]);
    });
  });
});
