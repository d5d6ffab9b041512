// Review history in the workspace sidecar folder `.cloud-notes/`. Plain Node `fs`, no vscode import.
//
// reviews.jsonl is the source of truth: one JSON line per review, appended with O_APPEND (and
// fsynced) so two windows on the same folder never overwrite each other. cards.json is a cache of
// card states, rebuilt by replaying the log through FSRS whenever the log has entries the cache has
// not seen, and written to a temp file that is fsynced and renamed over it.
//
// A crash can leave a review cut short (a torn line) or a temp file behind: the torn line is
// skipped and reported once, a stale temp file is removed at the next start. Anything else that
// does not parse is corruption: the file is kept aside under a timestamped name, never emptied.
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
  | { kind: 'corruptLog'; file: string; backup: string; detail: string; keptEntries: number; droppedLines: number }
  | { kind: 'tornLine'; file: string; line: number };

/** A temp file older than this was left by a write that never finished (a write takes milliseconds). */
const ORPHAN_AGE_MS = 60_000;
const TEMP_FILE = /\.[0-9a-f-]{36}\.tmp$/;

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
  /** Torn lines already reported by this window (by their text). */
  private readonly toldTorn = new Set<string>();
  private orphansChecked = false;
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
    if (!this.orphansChecked) {
      this.orphansChecked = true;
      await this.removeOrphanTemps();
    }
    const problems: StoreProblem[] = [];
    const log = await this.readLog();
    problems.push(...log.problems);
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
    if (changed || log.recovered) {
      await this.writeCacheFile(updated);
    }
    return problems;
  }

  /** Temp files of writes that a crash or kill interrupted (another window's write in progress is younger). */
  private async removeOrphanTemps(): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMP_FILE.test(n))) {
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > ORPHAN_AGE_MS) {
        await fs.rm(file, { force: true });
      }
    }
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
    // A hand-edited or torn log may lack its final newline; never glue our line onto another.
    await appendDurably(this.logPath, this.logEndsWithNewline ? line : '\n' + line);
    problems.push(...(await this.loadNow()));
    return { card: this.cards.get(cardId)!, problems };
  }

  private async readLog(): Promise<{ entries: ReviewEntry[]; problems: StoreProblem[]; recovered?: boolean }> {
    const text = await readIfExists(this.logPath);
    if (text === undefined) {
      this.logEndsWithNewline = true;
      return { entries: [], problems: [] };
    }
    this.logEndsWithNewline = text.length === 0 || text.endsWith('\n');
    const parsed = parseLog(text);
    const problems: StoreProblem[] = parsed.tornLines
      .filter((t) => !this.toldTorn.has(t.text))
      .map((t) => {
        this.toldTorn.add(t.text);
        return { kind: 'tornLine', file: this.logPath, line: t.line };
      });
    if (parsed.badLines.length === 0) {
      return { entries: parsed.entries, problems };
    }
    const recovered = await this.recoverLog(parsed.badLines);
    return { entries: recovered.entries, problems: recovered.problem ? [...problems, recovered.problem] : problems, recovered: true };
  }

  /**
   * Moves the damaged log aside and starts a new one with the lines that still parse. The backup
   * is re-read after the rename so a line another window appended just before it is kept; lines
   * appended after the rename go to the new log. When another window moved the log first, its
   * recovered log is read as it is (and that window reports the damage).
   */
  private async recoverLog(badLines: number[]): Promise<{ entries: ReviewEntry[]; problem?: StoreProblem }> {
    const backup = await this.backup(this.logPath);
    const parsed = parseLog(backup === undefined ? '' : ((await readIfExists(backup)) ?? ''));
    if (parsed.entries.length > 0) {
      await appendDurably(this.logPath, parsed.entries.map((e) => JSON.stringify(e) + '\n').join(''));
    }
    const current = parseLog((await readIfExists(this.logPath)) ?? '');
    this.logEndsWithNewline = true;
    this.cache = undefined;
    if (backup === undefined) {
      return { entries: current.entries };
    }
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
      return {
        cache: undefined,
        problem: backup === undefined ? undefined : { kind: 'corruptCards', file: this.cardsPath, backup, detail: errorText(err) },
      };
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

  /** Moves a damaged file aside under a timestamped name; undefined when another window moved it first. */
  private async backup(file: string): Promise<string | undefined> {
    const stamp = this.options.clock().toISOString().replace(/[:.]/g, '-');
    for (let n = 0; ; n++) {
      const target = `${file}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
      if ((await readIfExists(target)) !== undefined) {
        continue;
      }
      try {
        await fs.rename(file, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          return undefined;
        }
        throw err;
      }
      return target;
    }
  }
}

/** Writes to a temp file in the same folder, fsyncs it, renames it over the target and fsyncs the folder. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeSynced(temp, 'wx', data);
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  await syncFolder(path.dirname(file));
}

/** Appends (O_APPEND: whole lines from two windows never interleave) and fsyncs before returning. */
function appendDurably(file: string, data: string): Promise<void> {
  return writeSynced(file, 'a', data);
}

/** Writes `data` to a file opened with `flags` and fsyncs it. */
async function writeSynced(file: string, flags: 'a' | 'wx', data: string): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename or a new file in `dir` durable; some platforms cannot open a folder, and lose nothing but that. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (handle) {
    await handle
      .sync()
      .catch(() => undefined)
      .finally(() => handle.close());
  }
}

interface ParsedLog {
  entries: ReviewEntry[];
  /** 1-based numbers of lines that are not reviews. */
  badLines: number[];
  /** Reviews cut short by an interrupted append: skipped, not corruption. */
  tornLines: { line: number; text: string }[];
}

function parseLog(text: string): ParsedLog {
  const parsed: ParsedLog = { entries: [], badLines: [], tornLines: [] };
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const entry = parseEntry(line);
    if (entry) {
      parsed.entries.push(entry);
    } else if (isTorn(line)) {
      parsed.tornLines.push({ line: index + 1, text: line });
    } else {
      parsed.badLines.push(index + 1);
    }
  });
  return parsed;
}

/** The start of a review line that was never finished: an object whose JSON ends too soon. */
function isTorn(line: string): boolean {
  if (!line.startsWith('{"id":"')) {
    return false;
  }
  try {
    JSON.parse(line);
    return false;
  } catch {
    return !line.endsWith('}');
  }
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
