// Review history in the workspace sidecar folder `.cloud-notes/`. Plain Node `fs`, no vscode import.
//
// reviews.jsonl is the source of truth: one JSON line per review, appended with O_APPEND so two
// windows on the same folder never overwrite each other. cards.json is a cache of card states,
// rebuilt by replaying the log through FSRS whenever the log has entries the cache has not seen.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { State, type Card } from 'ts-fsrs';
import { isGradeValue, type Clock, type GradeValue, type Scheduler } from './scheduler';

export const SIDECAR_DIR = '.cloud-notes';
export const LOG_FILE = 'reviews.jsonl';
export const CARDS_FILE = 'cards.json';

export interface ReviewEntry {
  /** Unique per review, so the cache can tell which log entries it has seen. */
  id: string;
  cardId: string;
  grade: GradeValue;
  /** ISO timestamp. */
  at: string;
  window: string;
  /** The card was a scheduled review that had fallen due (the basis of true retention). */
  wasDue: boolean;
}

export type StoreProblem =
  | { kind: 'corruptCards'; file: string; backup: string; detail: string }
  | { kind: 'corruptLog'; file: string; backup: string; detail: string; keptEntries: number; droppedLines: number };

export interface ReviewStoreOptions {
  /** The workspace folder; the store lives in `<root>/.cloud-notes/`. */
  root: string;
  windowId: string;
  scheduler: Scheduler;
  clock: Clock;
}

interface CacheState {
  retention: number;
  /** How many log entries (in file order) the cards reflect, and the id of the last one. */
  replayed: number;
  lastEntryId: string | null;
  cards: Map<string, Card>;
}

interface CacheFile {
  version: 1;
  retention: number;
  replayed: number;
  lastEntryId: string | null;
  cards: Record<string, SerializedCard>;
}

type SerializedCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string };

export class ReviewStore {
  readonly dir: string;
  readonly logPath: string;
  readonly cardsPath: string;
  private entries: ReviewEntry[] = [];
  private cache: CacheState | undefined;
  private logEndsWithNewline = true;
  /** Loads and records of one store run one at a time, so a slower read never replaces a newer one. */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ReviewStoreOptions) {
    this.dir = path.join(options.root, SIDECAR_DIR);
    this.logPath = path.join(this.dir, LOG_FILE);
    this.cardsPath = path.join(this.dir, CARDS_FILE);
  }

  /** All reviews from every window, in log order. */
  get log(): readonly ReviewEntry[] {
    return this.entries;
  }

  get cards(): ReadonlyMap<string, Card> {
    return this.cache?.cards ?? new Map();
  }

  /** Re-reads the log (other windows may have appended) and brings the card cache up to date. */
  load(): Promise<StoreProblem[]> {
    return this.exclusive(() => this.loadNow());
  }

  /** Appends a review (after re-reading, so the card state includes other windows' reviews). */
  record(cardId: string, grade: GradeValue): Promise<{ card: Card; problems: StoreProblem[] }> {
    return this.exclusive(() => this.recordNow(cardId, grade));
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.pending.then(task, task);
    this.pending = run.catch(() => undefined);
    return run;
  }

  private async loadNow(): Promise<StoreProblem[]> {
    const problems: StoreProblem[] = [];
    const log = await this.readLog();
    if (log.problem) {
      problems.push(log.problem);
    }
    this.entries = log.entries;

    let cache = this.cache;
    if (!cache) {
      const read = await this.readCacheFile();
      if (read.problem) {
        problems.push(read.problem);
      }
      cache = read.cache;
    }
    const updated = this.catchUp(cache);
    this.cache = updated;
    const changed = updated !== cache && (cache !== undefined || this.entries.length > 0);
    if (changed || log.problem) {
      await this.writeCacheFile(updated);
    }
    return problems;
  }

  private async recordNow(cardId: string, grade: GradeValue): Promise<{ card: Card; problems: StoreProblem[] }> {
    const problems = await this.loadNow();
    const at = this.options.clock();
    const before = this.cards.get(cardId);
    const entry: ReviewEntry = {
      id: randomUUID(),
      cardId,
      grade,
      at: at.toISOString(),
      window: this.options.windowId,
      wasDue: before !== undefined && before.state === State.Review && before.due.getTime() <= at.getTime(),
    };
    await fs.mkdir(this.dir, { recursive: true });
    const line = JSON.stringify(entry) + '\n';
    // A hand-edited log may lack its final newline; never glue our line onto another.
    await fs.appendFile(this.logPath, this.logEndsWithNewline ? line : '\n' + line, { flag: 'a' });
    problems.push(...(await this.loadNow()));
    return { card: this.cards.get(cardId)!, problems };
  }

  private async readLog(): Promise<{ entries: ReviewEntry[]; problem?: StoreProblem }> {
    const text = await readIfExists(this.logPath);
    if (text === undefined) {
      this.logEndsWithNewline = true;
      return { entries: [] };
    }
    this.logEndsWithNewline = text.length === 0 || text.endsWith('\n');
    const parsed = parseLog(text);
    if (parsed.badLines.length === 0) {
      return { entries: parsed.entries };
    }
    return this.recoverLog(parsed.badLines);
  }

  /**
   * Moves the damaged log aside and starts a new one with the lines that still parse. The backup
   * is re-read after the rename so a line another window appended just before it is kept; lines
   * appended after the rename go to the new log.
   */
  private async recoverLog(badLines: number[]): Promise<{ entries: ReviewEntry[]; problem: StoreProblem }> {
    const backup = await this.backup(this.logPath);
    const parsed = parseLog((await readIfExists(backup)) ?? '');
    if (parsed.entries.length > 0) {
      await fs.appendFile(this.logPath, parsed.entries.map((e) => JSON.stringify(e) + '\n').join(''), { flag: 'a' });
    }
    const current = parseLog((await readIfExists(this.logPath)) ?? '');
    this.logEndsWithNewline = true;
    this.cache = undefined;
    const shown = badLines.slice(0, 5).join(', ') + (badLines.length > 5 ? ', …' : '');
    return {
      entries: current.entries,
      problem: {
        kind: 'corruptLog',
        file: this.logPath,
        backup,
        detail: `unreadable line(s) ${shown}`,
        keptEntries: parsed.entries.length,
        droppedLines: parsed.badLines.length,
      },
    };
  }

  private async readCacheFile(): Promise<{ cache: CacheState | undefined; problem?: StoreProblem }> {
    const text = await readIfExists(this.cardsPath);
    if (text === undefined) {
      return { cache: undefined };
    }
    try {
      return { cache: parseCacheFile(text) };
    } catch (err) {
      const backup = await this.backup(this.cardsPath);
      return { cache: undefined, problem: { kind: 'corruptCards', file: this.cardsPath, backup, detail: errorText(err) } };
    }
  }

  /** The cache extended with log entries it has not seen, or rebuilt from the whole log. */
  private catchUp(cache: CacheState | undefined): CacheState {
    const retention = this.options.scheduler.settings.desiredRetention;
    const entries = this.entries;
    const lastId = entries.length > 0 ? entries[entries.length - 1].id : null;
    if (cache && cache.retention === retention && cache.replayed === entries.length && cache.lastEntryId === lastId) {
      return cache;
    }
    const prefixMatches =
      cache !== undefined &&
      cache.retention === retention &&
      cache.replayed <= entries.length &&
      (cache.replayed === 0 ? cache.lastEntryId === null : entries[cache.replayed - 1].id === cache.lastEntryId);
    if (prefixMatches) {
      const extended = this.replay(new Map(cache.cards), entries.slice(cache.replayed));
      if (extended) {
        return { retention, replayed: entries.length, lastEntryId: lastId, cards: extended };
      }
    }
    const cards = this.replay(new Map(), sortByTime(entries))!;
    return { retention, replayed: entries.length, lastEntryId: lastId, cards };
  }

  /**
   * Applies entries in order; undefined when a review is older than the card's last one (another
   * window's clock or a late append), which FSRS cannot apply: the caller then replays sorted.
   */
  private replay(cards: Map<string, Card>, entries: readonly ReviewEntry[]): Map<string, Card> | undefined {
    for (const e of entries) {
      const previous = cards.get(e.cardId);
      const at = new Date(e.at);
      if (previous?.last_review && at < previous.last_review) {
        return undefined;
      }
      cards.set(e.cardId, this.options.scheduler.grade(previous, e.grade, at));
    }
    return cards;
  }

  private async writeCacheFile(cache: CacheState): Promise<void> {
    const file: CacheFile = {
      version: 1,
      retention: cache.retention,
      replayed: cache.replayed,
      lastEntryId: cache.lastEntryId,
      cards: Object.fromEntries([...cache.cards].map(([id, card]) => [id, serializeCard(card)])),
    };
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.cardsPath, JSON.stringify(file, null, 1) + '\n');
  }

  private async backup(file: string): Promise<string> {
    const stamp = this.options.clock().toISOString().replace(/[:.]/g, '-');
    for (let n = 0; ; n++) {
      const target = `${file}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
      if ((await readIfExists(target)) !== undefined) {
        continue;
      }
      await fs.rename(file, target);
      return target;
    }
  }
}

/** Writes to a temp file in the same folder, then renames it over the target. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, data, { flag: 'wx' });
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

function parseLog(text: string): { entries: ReviewEntry[]; badLines: number[] } {
  const entries: ReviewEntry[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const entry = parseEntry(line);
    if (entry) {
      entries.push(entry);
    } else {
      badLines.push(index + 1);
    }
  });
  return { entries, badLines };
}

function parseEntry(line: string): ReviewEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  const { id, cardId, grade, at, window, wasDue } = value;
  if (typeof id !== 'string' || typeof cardId !== 'string' || cardId === '' || !isGradeValue(grade)) {
    return undefined;
  }
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof window !== 'string' || typeof wasDue !== 'boolean') {
    return undefined;
  }
  return { id, cardId, grade, at, window, wasDue };
}

function parseCacheFile(text: string): CacheState {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || value.version !== 1) {
    throw new Error('unknown format (expected "version": 1)');
  }
  const { retention, replayed, lastEntryId, cards } = value;
  if (typeof retention !== 'number' || !Number.isInteger(replayed) || (replayed as number) < 0) {
    throw new Error('missing "retention" or "replayed"');
  }
  if (lastEntryId !== null && typeof lastEntryId !== 'string') {
    throw new Error('bad "lastEntryId"');
  }
  if (!isRecord(cards)) {
    throw new Error('missing "cards"');
  }
  const map = new Map<string, Card>();
  for (const [id, raw] of Object.entries(cards)) {
    map.set(id, deserializeCard(id, raw));
  }
  return { retention, replayed: replayed as number, lastEntryId, cards: map };
}

function serializeCard(card: Card): SerializedCard {
  return { ...card, due: card.due.toISOString(), last_review: card.last_review?.toISOString() };
}

function deserializeCard(id: string, raw: unknown): Card {
  if (!isRecord(raw)) {
    throw new Error(`card ${id} is not an object`);
  }
  const numbers = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;
  for (const key of numbers) {
    if (typeof raw[key] !== 'number' || !Number.isFinite(raw[key])) {
      throw new Error(`card ${id}: bad "${key}"`);
    }
  }
  const due = parseDate(raw.due);
  const lastReview = raw.last_review === undefined ? undefined : parseDate(raw.last_review);
  if (!due || lastReview === null) {
    throw new Error(`card ${id}: bad date`);
  }
  const card = Object.fromEntries(numbers.map((k) => [k, raw[k]])) as Omit<Card, 'due' | 'last_review'>;
  return { ...card, due, ...(lastReview ? { last_review: lastReview } : {}) };
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function sortByTime(entries: readonly ReviewEntry[]): ReviewEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((x) => x.entry);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw err;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
