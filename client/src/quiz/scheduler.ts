// FSRS scheduling. No vscode import: settings and the clock are passed in.
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

/** Options at or below which a right answer may be a lucky guess. */
const GUESSABLE_OPTIONS = 2;

/** A right answer to a two-option question is recognition, not recall: it counts as Hard at best. */
export function recognitionGrade(options: number | undefined, grade: GradeValue): GradeValue {
  return options !== undefined && options <= GUESSABLE_OPTIONS && grade > Rating.Hard ? (Rating.Hard as GradeValue) : grade;
}

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

/** Due, or a (re)learning step that falls due within the learn-ahead window. */
export function isDueNow(card: Card, now: Date): boolean {
  const learning = card.state === State.Learning || card.state === State.Relearning;
  return card.due.getTime() <= now.getTime() + (learning ? LEARN_AHEAD_MS : 0);
}

function clampRetention(value: number): number {
  return Number.isFinite(value) ? Math.min(0.99, Math.max(0.7, value)) : DEFAULT_SETTINGS.desiredRetention;
}
