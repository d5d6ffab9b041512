import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDueQueue, originOf, type QueueCard, type QueueInput } from '../../client/src/quiz/queue';
import { Scheduler, type Card } from '../../client/src/quiz/scheduler';
import { quizOf } from '../helpers/quiz';
import { quizKnowledge } from '../helpers/knowledge';

const T0 = new Date('2025-03-10T09:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const dir = join(__dirname, '..', 'fixtures', 'quiz', 'queue');
const items = quizOf(
  quizKnowledge(),
  readdirSync(dir)
    .sort()
    .map((f) => ({ uri: `file:///ws/${f}`, text: readFileSync(join(dir, f), 'utf8') })),
);
const cards: QueueCard[] = items.map((i) => ({ id: i.id, kind: i.kind, note: i.source?.uri, group: i.group }));
const byId = new Map(cards.map((c) => [c.id, c]));
const none = new Set<string>();

function queue(overrides: Partial<QueueInput> = {}): QueueCard[] {
  const input: QueueInput = {
    cards,
    states: new Map(),
    reviewedToday: none,
    introducedToday: none,
    newCardsPerDay: 20,
    now: T0,
    ...overrides,
  };
  return buildDueQueue(input).map((id) => byId.get(id)!);
}
const where = (c: QueueCard) => `${c.note?.replace('file:///ws/', '') ?? 'knowledge'} ${c.kind}`;

describe('quiz queue on a fixture workspace', () => {
  it('has every kind of card to order', () => {
    assert.deepEqual(
      new Set(cards.map((c) => c.kind)),
      new Set(['card', 'cloze', 'definition', 'comparison', 'heading', 'glossary', 'fact']),
    );
  });

  it("starts with the learner's own cards and clozes, taking turns across notes", () => {
    assert.deepEqual(queue().slice(0, 4).map(where), ['compute.md card', 'network.md card', 'compute.md cloze', 'network.md cloze']);
    assert.ok(
      queue()
        .slice(4)
        .every((c) => originOf(c.kind) !== 'own'),
    );
  });

  it('then takes turns across notes and kinds instead of going through one note', () => {
    const generated = queue({ newCardsPerDay: 9 }).slice(4).map(where);
    assert.deepEqual(generated, [
      'compute.md definition',
      'network.md definition',
      'knowledge glossary',
      'compute.md comparison',
      'knowledge fact',
    ]);
  });

  it('buries siblings: one card a day per fact, glossary entry, section or table', () => {
    const groups = queue()
      .map((c) => c.group)
      .filter((g) => g !== undefined);
    assert.equal(new Set(groups).size, groups.length);
    assert.ok(cards.filter((c) => c.kind === 'definition').length > queue().filter((c) => c.kind === 'definition').length);
  });

  it('buries the siblings of a card reviewed today, and of a due review queued before them', () => {
    const definition = cards.find((c) => c.kind === 'definition')!;
    const siblings = cards.filter((c) => c.group === definition.group);
    assert.ok(siblings.length > 1);
    assert.ok(!queue({ reviewedToday: new Set([definition.id]) }).some((c) => c.group === definition.group));

    const scheduler = new Scheduler();
    const review = (due: Date): Card => ({ ...scheduler.grade(undefined, 4, days(-30)), due });
    const states = new Map(siblings.map((c, i) => [c.id, review(days(-1 - i))]));
    const queued = queue({ states }).filter((c) => c.group === definition.group);
    assert.deepEqual(
      queued.map((c) => c.id),
      [siblings.at(-1)!.id],
      'only the most overdue sibling',
    );
  });

  it('gives the built-in knowledge at most its share of the new cards, counting those introduced today', () => {
    const knowledge = (q: QueueCard[]) => q.filter((c) => originOf(c.kind) === 'knowledge').length;
    assert.ok(cards.filter((c) => originOf(c.kind) === 'knowledge').length > 6);
    assert.equal(knowledge(queue({ newCardsPerDay: 20 })), 6);
    assert.equal(knowledge(queue({ newCardsPerDay: 20, shares: { knowledge: 0, generated: 1 } })), 0);
    const glossary = cards.find((c) => c.kind === 'glossary')!;
    assert.equal(
      knowledge(queue({ newCardsPerDay: 20, introducedToday: new Set([glossary.id]), reviewedToday: new Set([glossary.id]) })),
      5,
    );
    assert.equal(
      queue({ newCardsPerDay: 20, shares: { knowledge: 0.3, generated: 0 } }).filter((c) => originOf(c.kind) === 'generated').length,
      0,
    );
  });

  it('keeps to the day’s allowance and to the chosen kinds', () => {
    assert.equal(queue({ newCardsPerDay: 3 }).length, 3);
    assert.deepEqual(new Set(queue({ kinds: new Set(['cloze', 'fact']) }).map((c) => c.kind)), new Set(['cloze', 'fact']));
  });

  it('puts due reviews before new cards, most overdue first', () => {
    const scheduler = new Scheduler();
    const glossary = cards.filter((c) => c.kind === 'glossary');
    const [a, b] = glossary.filter((c, i) => glossary.findIndex((d) => d.group === c.group) === i);
    const states = new Map([
      [a.id, { ...scheduler.grade(undefined, 4, days(-30)), due: days(-1) }],
      [b.id, { ...scheduler.grade(undefined, 4, days(-30)), due: days(-3) }],
    ]);
    assert.deepEqual(
      queue({ states })
        .slice(0, 2)
        .map((c) => c.id),
      [b.id, a.id],
    );
  });
});
