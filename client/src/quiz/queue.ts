// Today's queue, as Anki builds it: due reviews first (most overdue first), then new cards up to
// what is left of the day's allowance. New cards start with the learner's own cards and clozes,
// then take turns across notes and kinds so that no note or generator fills a day; the built-in
// knowledge and the generated questions each get at most their share of the day's new cards.
// Siblings (cards of one group: a fact, a glossary entry, a section, a table) are buried for the
// day: once one of them is studied or queued, the others wait until tomorrow. No vscode import.
import { State, type Card } from 'ts-fsrs';
import type { QuizItemKind } from '../../../server/src/protocol';
import { isDueNow } from './scheduler';

export interface QueueCard {
  id: string;
  kind: QuizItemKind;
  /** The note the card comes from (absent for the built-in knowledge). */
  note?: string;
  group?: string;
}

export type CardOrigin = 'own' | 'generated' | 'knowledge';

export interface NewCardShares {
  /** Largest share of a day's new cards that the built-in knowledge (glossary, facts) may take. */
  knowledge: number;
  /** Largest share that questions generated from the notes (definitions, tables, headings) may take. */
  generated: number;
}

export const DEFAULT_SHARES: NewCardShares = { knowledge: 0.3, generated: 1 };

export interface QueueInput {
  /** The cards in scope, in the order the server returned them. */
  cards: readonly QueueCard[];
  states: ReadonlyMap<string, Card>;
  /** Ids of the cards reviewed today, and of those among them first reviewed today (new cards introduced). */
  reviewedToday: ReadonlySet<string>;
  introducedToday: ReadonlySet<string>;
  newCardsPerDay: number;
  shares?: NewCardShares;
  /** Only cards of these kinds; all when absent. */
  kinds?: ReadonlySet<QuizItemKind>;
  now: Date;
}

export function originOf(kind: QuizItemKind): CardOrigin {
  return kind === 'card' || kind === 'cloze' ? 'own' : kind === 'glossary' || kind === 'fact' ? 'knowledge' : 'generated';
}

export function buildDueQueue(input: QueueInput): string[] {
  const known = new Map(input.cards.map((c) => [c.id, c]));
  const cards = [...known.values()].filter((c) => !input.kinds || input.kinds.has(c.kind));
  const buried = new Set([...input.reviewedToday].flatMap((id) => known.get(id)?.group ?? []));
  const take = (c: QueueCard) => {
    if (c.group) {
      buried.add(c.group);
    }
  };
  const isFree = (c: QueueCard) => !c.group || !buried.has(c.group);

  const due: { card: QueueCard; due: number; learning: boolean }[] = [];
  const fresh: QueueCard[] = [];
  for (const card of cards) {
    const state = input.states.get(card.id);
    if (!state || state.state === State.New) {
      fresh.push(card);
    } else if (isDueNow(state, input.now)) {
      due.push({ card, due: state.due.getTime(), learning: state.state !== State.Review });
    }
  }
  // Cards in (re)learning are never buried: they are mid-way through today's steps.
  due.filter((d) => d.learning).forEach((d) => take(d.card));
  const queue: QueueCard[] = [];
  for (const d of due.sort((a, b) => a.due - b.due)) {
    if (d.learning || isFree(d.card)) {
      take(d.card);
      queue.push(d.card);
    }
  }
  return [...queue, ...newCards(fresh, input, isFree, take)].map((c) => c.id);
}

function newCards(
  fresh: readonly QueueCard[],
  input: QueueInput,
  isFree: (c: QueueCard) => boolean,
  take: (c: QueueCard) => void,
): QueueCard[] {
  const perDay = input.newCardsPerDay;
  const shares = input.shares ?? DEFAULT_SHARES;
  const introduced = [...input.introducedToday];
  const originOfId = (id: string) => {
    const card = input.cards.find((c) => c.id === id);
    return card && originOf(card.kind);
  };
  const left: Record<CardOrigin, number> = {
    own: perDay,
    generated: Math.floor(perDay * clampShare(shares.generated)),
    knowledge: Math.floor(perDay * clampShare(shares.knowledge)),
  };
  for (const id of introduced) {
    const origin = originOfId(id);
    if (origin) {
      left[origin]--;
    }
  }
  let total = perDay - introduced.length;
  const out: QueueCard[] = [];
  const own = fresh.filter((c) => originOf(c.kind) === 'own');
  const others = fresh.filter((c) => originOf(c.kind) !== 'own');
  for (const card of [...turns(own), ...turns(others)]) {
    const origin = originOf(card.kind);
    if (total <= 0) {
      break;
    }
    if (left[origin] <= 0 || !isFree(card)) {
      continue;
    }
    take(card);
    out.push(card);
    left[origin]--;
    total--;
  }
  return out;
}

/** The cards in turns: one note after another, and within a note one kind after another (built-in knowledge counts as one note). */
function turns(cards: readonly QueueCard[]): QueueCard[] {
  return interleave(groupBy(cards, (c) => c.note ?? '').map((ofNote) => interleave(groupBy(ofNote, (c) => c.kind))));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  }
  return [...groups.values()];
}

/** The first of each list, then the second of each, and so on. */
function interleave<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  for (let round = 0; lists.some((l) => round < l.length); round++) {
    lists.forEach((l) => round < l.length && out.push(l[round]));
  }
  return out;
}

function clampShare(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
