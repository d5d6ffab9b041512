// The workspace-wide index: per note what the scanner found, and per glossary entry which notes
// mention it, so that references and definitions never walk every note.
import type { DefinitionSite, ScannedNote } from '../scan/noteScanner';

export interface IndexedNote extends ScannedNote {
  uri: string;
}

export interface TermOccurrence {
  uri: string;
  line: number;
  start: number;
  end: number;
}

export interface TermDefinition extends DefinitionSite {
  uri: string;
}

export class WorkspaceIndex {
  private readonly notes = new Map<string, IndexedNote>();
  /** entry index -> uris of notes that mention it */
  private readonly postings = new Map<number, Set<string>>();
  /** entry index -> number of mentions in all notes */
  private readonly counts = new Map<number, number>();
  /** entry index -> the notes' definitions of it, sorted on first read after a change */
  private readonly definitionsByEntry = new Map<number, TermDefinition[]>();
  private readonly unsorted = new Set<number>();
  private occurrenceCount = 0;

  get size(): number {
    return this.notes.size;
  }

  get occurrences(): number {
    return this.occurrenceCount;
  }

  /** Number of distinct glossary entries mentioned anywhere. */
  get termCount(): number {
    return this.postings.size;
  }

  uris(): IterableIterator<string> {
    return this.notes.keys();
  }

  get(uri: string): IndexedNote | undefined {
    return this.notes.get(uri);
  }

  set(uri: string, scanned: ScannedNote): void {
    this.delete(uri);
    const note: IndexedNote = { uri, ...scanned };
    this.notes.set(uri, note);
    this.occurrenceCount += scanned.occurrences.length / 4;
    for (const [entry, count] of countEntries(scanned)) {
      let uris = this.postings.get(entry);
      if (!uris) this.postings.set(entry, (uris = new Set()));
      uris.add(uri);
      this.counts.set(entry, (this.counts.get(entry) ?? 0) + count);
    }
    for (const d of scanned.definitions) {
      const list = this.definitionsByEntry.get(d.entry) ?? [];
      list.push({ uri, ...d });
      this.definitionsByEntry.set(d.entry, list);
      this.unsorted.add(d.entry);
    }
  }

  delete(uri: string): void {
    const old = this.notes.get(uri);
    if (!old) return;
    this.notes.delete(uri);
    this.occurrenceCount -= old.occurrences.length / 4;
    for (const [entry, count] of countEntries(old)) {
      const uris = this.postings.get(entry)!;
      uris.delete(uri);
      if (!uris.size) this.postings.delete(entry);
      const left = this.counts.get(entry)! - count;
      if (left) this.counts.set(entry, left);
      else this.counts.delete(entry);
    }
    for (const entry of new Set(old.definitions.map((d) => d.entry))) {
      const left = this.definitionsByEntry.get(entry)!.filter((d) => d.uri !== uri);
      if (left.length) this.definitionsByEntry.set(entry, left);
      else this.definitionsByEntry.delete(entry);
    }
  }

  /** How many notes mention the entry. */
  noteCount(entry: number): number {
    return this.postings.get(entry)?.size ?? 0;
  }

  /** How many times all notes mention the entry. */
  mentionCount(entry: number): number {
    return this.counts.get(entry) ?? 0;
  }

  *mentions(entry: number): Generator<TermOccurrence> {
    for (const uri of this.postings.get(entry) ?? []) {
      const occ = this.notes.get(uri)!.occurrences;
      for (let i = 0; i < occ.length; i += 4) {
        if (occ[i] === entry) yield { uri, line: occ[i + 1], start: occ[i + 2], end: occ[i + 3] };
      }
    }
  }

  /** The notes' definitions of an entry: headings first, then definition items, then table cells. */
  definitions(entry: number): readonly TermDefinition[] {
    const list = this.definitionsByEntry.get(entry) ?? [];
    if (this.unsorted.delete(entry)) list.sort(byRank);
    return list;
  }
}

const DEFINITION_RANK = { heading: 0, item: 1, table: 2 } as const;

function byRank(a: TermDefinition, b: TermDefinition): number {
  return DEFINITION_RANK[a.kind] - DEFINITION_RANK[b.kind] || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.line - b.line;
}

function countEntries(note: ScannedNote): Map<number, number> {
  const counts = new Map<number, number>();
  const occ = note.occurrences;
  for (let i = 0; i < occ.length; i += 4) counts.set(occ[i], (counts.get(occ[i]) ?? 0) + 1);
  return counts;
}

/** The occurrence under a position in one note, if any. */
export function occurrenceAt(note: ScannedNote, line: number, character: number): { entry: number; start: number; end: number } | undefined {
  const occ = note.occurrences;
  for (let i = 0; i < occ.length; i += 4) {
    if (occ[i + 1] === line && occ[i + 2] <= character && character <= occ[i + 3]) return { entry: occ[i], start: occ[i + 2], end: occ[i + 3] };
  }
  return undefined;
}
