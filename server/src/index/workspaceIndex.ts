// The workspace-wide index: per note what the scanner found, and per glossary entry which notes
// mention and define it, so that references and definitions never walk every note.
import {
  definitionSites,
  forEachDefinedEntry,
  forEachOccurrence,
  occurrenceCount,
  type DefinitionSite,
  type ScannedNote,
} from '../scan/noteScanner';

export interface TermDefinition extends DefinitionSite {
  uri: string;
}

interface EntryStats {
  /** Notes that mention the entry (arrays: adding is the hot path, removing is rare). */
  notes: string[];
  mentions: number;
  /** Notes that define the entry, once per definition. */
  definers: string[];
  /** The definitions, ranked; rebuilt after a definer changes. */
  definitions?: TermDefinition[];
}

export class WorkspaceIndex {
  private readonly notes = new Map<string, ScannedNote>();
  private entries = new Map<number, EntryStats>();
  private occurrenceCount = 0;
  /** Scratch counters per entry index, all zero between updates. */
  private counts: Int32Array = new Int32Array(512);
  /** Changes whenever some note's own terms (the workspace vocabulary) change. */
  vocabularyVersion = 0;

  get size(): number {
    return this.notes.size;
  }

  get occurrences(): number {
    return this.occurrenceCount;
  }

  /** Number of distinct glossary entries mentioned anywhere. */
  get termCount(): number {
    let n = 0;
    for (const stats of this.entries.values()) {
      if (stats.notes.length) {
        n++;
      }
    }
    return n;
  }

  uris(): IterableIterator<string> {
    return this.notes.keys();
  }

  get(uri: string): ScannedNote | undefined {
    return this.notes.get(uri);
  }

  set(uri: string, scanned: ScannedNote): void {
    const old = this.notes.get(uri);
    // Typing in a note mostly leaves its definitions where they were: then the ranked
    // definitions of its terms stay valid and are not rebuilt on the next hover.
    const definitionsToo = !old || !sameValues(old.definitions, scanned.definitions);
    if ((old?.ownTerms ?? '') !== scanned.ownTerms) {
      this.vocabularyVersion++;
    }
    if (old) {
      this.update(uri, old, -1, definitionsToo);
    }
    this.notes.set(uri, scanned);
    this.update(uri, scanned, 1, definitionsToo);
  }

  delete(uri: string): void {
    const old = this.notes.get(uri);
    if (!old) {
      return;
    }
    if (old.ownTerms) {
      this.vocabularyVersion++;
    }
    this.notes.delete(uri);
    this.update(uri, old, -1, true);
  }

  /**
   * The per-entry statistics as int32s, with notes named by their position in `uris` (the index's
   * notes, in the order they are saved): what `restore` takes back without reading every mention
   * again. Per entry: entry index, mentions, note count, definer count, the notes, the definers.
   */
  statistics(uris: readonly string[]): Int32Array {
    const position = new Map(uris.map((uri, i) => [uri, i]));
    const out: number[] = [];
    for (const [entry, stats] of this.entries) {
      out.push(entry, stats.mentions, stats.notes.length, stats.definers.length);
      for (const uri of stats.notes) {
        out.push(position.get(uri)!);
      }
      for (const uri of stats.definers) {
        out.push(position.get(uri)!);
      }
    }
    return Int32Array.from(out);
  }

  /**
   * Takes the notes and their `statistics` as saved, in place of setting each note; notes set
   * before keep the version they were set with. Throws, changing nothing, on statistics that do not fit the notes.
   */
  restore(notes: readonly (readonly [string, ScannedNote])[], statistics: Int32Array): void {
    const entries = new Map<number, EntryStats>();
    const uriAt = (k: number) => {
      const uri = notes[statistics[k]]?.[0];
      if (uri === undefined) {
        throw new Error('index statistics name a note that is not there');
      }
      return uri;
    };
    for (let i = 0; i < statistics.length;) {
      const [entry, mentions, noteCount, definerCount] = statistics.subarray(i, i + 4);
      const notesFrom = i + 4;
      const definersFrom = notesFrom + noteCount;
      i = definersFrom + definerCount;
      if (noteCount < 0 || definerCount < 0 || i > statistics.length) {
        throw new Error('index statistics are cut short');
      }
      const stats: EntryStats = { notes: new Array(noteCount), mentions, definers: new Array(definerCount) };
      for (let k = 0; k < noteCount; k++) {
        stats.notes[k] = uriAt(notesFrom + k);
      }
      for (let k = 0; k < definerCount; k++) {
        stats.definers[k] = uriAt(definersFrom + k);
      }
      entries.set(entry, stats);
    }
    const earlier = [...this.notes];
    this.notes.clear();
    this.vocabularyVersion++;
    this.entries = entries;
    this.occurrenceCount = 0;
    for (const [uri, scanned] of notes) {
      this.notes.set(uri, scanned);
      this.occurrenceCount += occurrenceCount(scanned);
    }
    for (const [uri, scanned] of earlier) {
      this.set(uri, scanned);
    }
  }

  /** How many notes mention the entry. */
  noteCount(entry: number): number {
    return this.entries.get(entry)?.notes.length ?? 0;
  }

  /** How many times all notes mention the entry. */
  mentionCount(entry: number): number {
    return this.entries.get(entry)?.mentions ?? 0;
  }

  /** The notes that mention an entry. */
  notesMentioning(entry: number): readonly string[] {
    return this.entries.get(entry)?.notes ?? [];
  }

  /** Visits every mention of an entry (a callback, not objects: EC2 can have 100,000 of them); `false` stops. */
  forEachMention(entry: number, visit: (uri: string, line: number, start: number, end: number) => boolean | void): void {
    for (const uri of this.notesMentioning(entry)) {
      let stopped = false;
      forEachOccurrence(this.notes.get(uri)!, (e, line, start, end) => {
        stopped = e === entry && visit(uri, line, start, end) === false;
        return !stopped;
      });
      if (stopped) {
        return;
      }
    }
  }

  /** The notes' definitions of an entry: headings first, then definition items, then table cells. */
  definitions(entry: number): readonly TermDefinition[] {
    const stats = this.entries.get(entry);
    if (!stats) {
      return [];
    }
    if (!stats.definitions) {
      stats.definitions = [];
      for (const uri of new Set(stats.definers)) {
        for (const d of definitionSites(this.notes.get(uri)!)) {
          if (d.entry === entry) {
            stats.definitions.push({ uri, ...d });
          }
        }
      }
      stats.definitions.sort(byRank);
    }
    return stats.definitions;
  }

  /** Adds (sign 1) or removes (sign -1) a note's contribution to the per-entry statistics (its definitions only if asked). */
  private update(uri: string, note: ScannedNote, sign: 1 | -1, definitionsToo: boolean): void {
    this.occurrenceCount += sign * occurrenceCount(note);
    const touched: number[] = [];
    forEachOccurrence(note, (entry) => {
      if (entry >= this.counts.length) {
        this.counts = growTo(this.counts, entry);
      }
      if (this.counts[entry]++ === 0) {
        touched.push(entry);
      }
    });
    for (const entry of touched) {
      const stats = this.stats(entry);
      stats.mentions += sign * this.counts[entry];
      this.counts[entry] = 0;
      if (sign > 0) {
        stats.notes.push(uri);
      } else {
        removeOne(stats.notes, uri);
      }
    }
    if (!definitionsToo) {
      return;
    }
    forEachDefinedEntry(note, (entry) => {
      const stats = this.stats(entry);
      if (sign > 0) {
        stats.definers.push(uri);
      } else {
        removeOne(stats.definers, uri);
      }
      stats.definitions = undefined;
    });
  }

  private stats(entry: number): EntryStats {
    let stats = this.entries.get(entry);
    if (!stats) {
      this.entries.set(entry, (stats = { notes: [], mentions: 0, definers: [] }));
    }
    return stats;
  }
}

function sameValues(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

function removeOne(list: string[], uri: string): void {
  const i = list.lastIndexOf(uri);
  list[i] = list[list.length - 1];
  list.pop();
}

function growTo(counts: Int32Array, entry: number): Int32Array {
  const grown = new Int32Array(Math.max(entry + 1, counts.length * 2));
  grown.set(counts);
  return grown;
}

const DEFINITION_RANK = { heading: 0, item: 1, table: 2 } as const;

function byRank(a: TermDefinition, b: TermDefinition): number {
  return DEFINITION_RANK[a.kind] - DEFINITION_RANK[b.kind] || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.line - b.line;
}

/** The occurrence under a position in one note, if any. */
export function occurrenceAt(
  note: ScannedNote,
  line: number,
  character: number,
): { entry: number; start: number; end: number } | undefined {
  let found: { entry: number; start: number; end: number } | undefined;
  forEachOccurrence(note, (entry, l, start, end) => {
    if (l === line && start <= character && character <= end) {
      found = { entry, start, end };
    }
    return !found;
  });
  return found;
}
