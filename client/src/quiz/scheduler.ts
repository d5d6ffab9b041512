// FSRS scheduling and the due queue. No vscode import: settings and the clock are passed in.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';

export type { Card } from 'ts-fsrs';

/** 1 Again, 2 Hard, 3 Good, 4 Easy — the same numbers as ts-fsrs `Rating`. */
export type GradeValue = 1 | 2 | 3 | 4;
export const AGAIN: GradeValue = Rating.Again;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export interface SchedulerSettings {
  desiredRetention: number;
  newCardsPerDay: number;
}

export const DEFAULT_SETTINGS: SchedulerSettings = { desiredRetention: 0.9, newCardsPerDay: 20 };

/** Cards still in (re)learning that fall due within this window are shown now rather than after the session. */
const LEARN_AHEAD_MS = 20 * 60 * 1000;

export function isGradeValue(value: unknown): value is GradeValue {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export class Scheduler {
  private readonly fsrs: FSRS;
  readonly settings: SchedulerSettings;

  constructor(settings: SchedulerSettings = DEFAULT_SETTINGS) {
    this.settings = {
      desiredRetention: clampRetention(settings.desiredRetention),
      newCardsPerDay: Number.isFinite(settings.newCardsPerDay)
        ? Math.max(0, Math.floor(settings.newCardsPerDay))
        : DEFAULT_SETTINGS.newCardsPerDay,
    };
    this.fsrs = fsrs(generatorParameters({ request_retention: this.settings.desiredRetention }));
  }

  newCard(now: Date): Card {
    return createEmptyCard(now);
  }

  /** The card after a review at `at`; `card` undefined means the card has never been reviewed. */
  grade(card: Card | undefined, grade: GradeValue, at: Date): Card {
    return this.fsrs.next(card ?? createEmptyCard<Card>(at), at, grade as Grade).card;
  }

  /** When each grade would make the card due next, for the grade buttons. */
  preview(card: Card | undefined, now: Date): Record<GradeValue, Date> {
    const base = card ?? createEmptyCard<Card>(now);
    const due = (g: GradeValue) => this.fsrs.next(base, now, g as Grade).card.due;
    return { 1: due(1), 2: due(2), 3: due(3), 4: due(4) };
  }
}

export interface QueueInput {
  /** Card ids in scope, in the order the server returned them (used for new cards). */
  ids: readonly string[];
  cards: ReadonlyMap<string, Card>;
  /** Cards reviewed for the first time today (counts against the new-card limit). */
  newIntroducedToday: number;
  newCardsPerDay: number;
  now: Date;
}

/** Due reviews first (most overdue first), then new cards up to what is left of today's limit. */
export function buildDueQueue(input: QueueInput): string[] {
  const due: { id: string; due: number }[] = [];
  const fresh: string[] = [];
  const seen = new Set<string>();
  for (const id of input.ids) {
    if (seen.has(id)) {
      continue;
    }
    seen.add(id);
    const card = input.cards.get(id);
    if (!card || card.state === State.New) {
      fresh.push(id);
      continue;
    }
    if (isDueNow(card, input.now)) {
      due.push({ id, due: card.due.getTime() });
    }
  }
  due.sort((a, b) => a.due - b.due);
  const newLeft = Math.max(0, input.newCardsPerDay - input.newIntroducedToday);
  return [...due.map((d) => d.id), ...fresh.slice(0, newLeft)];
}

/** Due, or a (re)learning step that falls due within the learn-ahead window. */
export function isDueNow(card: Card, now: Date): boolean {
  const learning = card.state === State.Learning || card.state === State.Relearning;
  return card.due.getTime() <= now.getTime() + (learning ? LEARN_AHEAD_MS : 0);
}

function clampRetention(value: number): number {
  return Number.isFinite(value) ? Math.min(0.99, Math.max(0.7, value)) : DEFAULT_SETTINGS.desiredRetention;
}
