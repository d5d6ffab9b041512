// Review statistics: pure functions over the review log and card states, with the time passed in.
import { State, type Card } from 'ts-fsrs';
import { AGAIN } from './scheduler';
import type { ReviewEntry } from './reviewStore';

export interface RetentionStats {
  /** Share of due reviews not graded Again; null before any due review. */
  trueRetention: number | null;
  dueReviews: number;
}

export interface ServiceStats extends RetentionStats {
  termId: string;
  cards: number;
  dueToday: number;
  reviewedToday: number;
}

export interface QuizStats extends RetentionStats {
  /** Cards already studied that fall due before the end of today. */
  dueToday: number;
  reviewedToday: number;
  /** Days in a row with at least one review, ending today (or yesterday when nothing is reviewed yet today). */
  streakDays: number;
  services: ServiceStats[];
}

export interface StatsInput {
  log: readonly ReviewEntry[];
  cards: ReadonlyMap<string, Card>;
  /** The cards that exist in the notes now, with their glossary term ids. */
  items: ReadonlyMap<string, readonly string[]>;
  now: Date;
}

export function computeStats(input: StatsInput): QuizStats {
  const { log, cards, items, now } = input;
  const today = localDayKey(now);
  const endOfToday = startOfNextLocalDay(now).getTime();
  const isDueToday = (id: string) => {
    const card = cards.get(id);
    return card !== undefined && card.state !== State.New && card.due.getTime() < endOfToday;
  };
  const todays = log.filter((e) => localDayKey(new Date(e.at)) === today);

  const byService = new Map<string, { cards: string[]; log: ReviewEntry[] }>();
  for (const [id, termIds] of items) {
    for (const termId of new Set(termIds)) {
      const group = byService.get(termId) ?? { cards: [], log: [] };
      group.cards.push(id);
      byService.set(termId, group);
    }
  }
  for (const entry of log) {
    for (const termId of new Set(items.get(entry.cardId) ?? [])) {
      byService.get(termId)!.log.push(entry);
    }
  }
  const services: ServiceStats[] = [...byService].map(([termId, group]) => ({
    termId,
    cards: group.cards.length,
    dueToday: group.cards.filter(isDueToday).length,
    reviewedToday: group.log.filter((e) => localDayKey(new Date(e.at)) === today).length,
    ...retention(group.log),
  }));
  services.sort((a, b) => b.dueToday - a.dueToday || b.cards - a.cards || a.termId.localeCompare(b.termId));

  return {
    dueToday: [...items.keys()].filter(isDueToday).length,
    reviewedToday: todays.length,
    streakDays: streak(log, now),
    services,
    ...retention(log),
  };
}

/** One day of the review history. */
export interface DayStats {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  reviews: number;
  /** True retention over the RETENTION_WINDOW_DAYS days ending this day; null without due reviews in them. */
  retention: number | null;
}

export const HISTORY_DAYS = 30;
/** One day has too few due reviews to say much: retention is read over a week. */
export const RETENTION_WINDOW_DAYS = 7;

/** The last `days` days up to today, oldest first: reviews per day and retention over time. */
export function reviewHistory(log: readonly ReviewEntry[], now: Date, days = HISTORY_DAYS): DayStats[] {
  const byDay = new Map<string, ReviewEntry[]>();
  for (const e of log) {
    const key = localDayKey(new Date(e.at));
    const entries = byDay.get(key);
    if (entries) {
      entries.push(e);
    } else {
      byDay.set(key, [e]);
    }
  }
  const dayAt = (back: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
  const entriesOf = (back: number) => byDay.get(localDayKey(dayAt(back))) ?? [];
  return Array.from({ length: days }, (_, i) => {
    const back = days - 1 - i;
    const date = dayAt(back);
    const window = Array.from({ length: RETENTION_WINDOW_DAYS }, (_, k) => entriesOf(back + k)).flat();
    return {
      day: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
      reviews: entriesOf(back).length,
      retention: retention(window).trueRetention,
    };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

export function retention(log: readonly ReviewEntry[]): RetentionStats {
  const due = log.filter((e) => e.wasDue);
  const passed = due.filter((e) => e.grade !== AGAIN).length;
  return { trueRetention: due.length === 0 ? null : passed / due.length, dueReviews: due.length };
}

export function streak(log: readonly ReviewEntry[], now: Date): number {
  const days = new Set(log.map((e) => localDayKey(new Date(e.at))));
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (!days.has(localDayKey(day))) {
    day.setDate(day.getDate() - 1);
  }
  let count = 0;
  while (days.has(localDayKey(day))) {
    count++;
    day.setDate(day.getDate() - 1);
  }
  return count;
}

/** Cards whose first review was today: they count against the daily new-card limit. */
/** The cards reviewed today, and those among them reviewed for the first time today (new cards introduced). */
export function todaysCards(log: readonly ReviewEntry[], now: Date): { reviewed: Set<string>; introduced: Set<string> } {
  const first = new Map<string, number>();
  const today = localDayKey(now);
  const reviewed = new Set<string>();
  for (const e of log) {
    const t = Date.parse(e.at);
    first.set(e.cardId, Math.min(first.get(e.cardId) ?? t, t));
    if (localDayKey(new Date(t)) === today) {
      reviewed.add(e.cardId);
    }
  }
  return { reviewed, introduced: new Set([...first].filter(([, t]) => localDayKey(new Date(t)) === today).map(([id]) => id)) };
}

export function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function startOfNextLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}
