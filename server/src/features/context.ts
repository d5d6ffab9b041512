// What every feature module gets: the knowledge, the index and the scanned form of open notes.
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Glossary, GlossaryEntry, Locale } from '../knowledge/glossary';
import type { TermMatcher } from '../terms/termMatcher';
import { forEachOccurrence, type ScannedNote } from '../scan/noteScanner';
import type { Cancellation } from '../async/turns';
import { occurrenceAt, type WorkspaceIndex } from '../index/workspaceIndex';
import type { VocabularyTerm, WorkspaceVocabulary } from '../vocabulary/workspaceVocabulary';

export interface FeatureContext {
  readonly glossary: Glossary;
  readonly matcher: TermMatcher;
  readonly index: WorkspaceIndex;
  readonly locale: Locale;
  /** The scanned form of a document at its current version. */
  scan(doc: TextDocument): ScannedNote;
  /** The terms the notes define that the glossary lacks, current with the index. */
  vocabulary(): WorkspaceVocabulary;
  /** A document scanned for the workspace vocabulary (entry indices are term indices). */
  scanOwnTerms(doc: TextDocument): ScannedNote;
  /** Visits the text of every note: open ones as edited, the others as on disk. */
  forEachNoteText(visit: (uri: string, text: string) => void, token?: Cancellation): Promise<void>;
}

export interface OwnTermAt {
  termIndex: number;
  term: VocabularyTerm;
  range: Range;
}

export interface TermAt {
  entryIndex: number;
  entry: GlossaryEntry;
  range: Range;
}

export function termAt(ctx: FeatureContext, doc: TextDocument, pos: Position): TermAt | undefined {
  const occ = occurrenceAt(ctx.scan(doc), pos.line, pos.character);
  if (!occ) {
    return undefined;
  }
  return {
    entryIndex: occ.entry,
    entry: ctx.glossary.entries[occ.entry],
    range: lineRange(pos.line, occ.start, occ.end),
  };
}

/** A term of the workspace vocabulary under the position, where no glossary term is. */
export function ownTermAt(ctx: FeatureContext, doc: TextDocument, pos: Position): OwnTermAt | undefined {
  const occ = occurrenceAt(ctx.scanOwnTerms(doc), pos.line, pos.character);
  if (!occ) {
    return undefined;
  }
  return { termIndex: occ.entry, term: ctx.vocabulary().terms[occ.entry], range: lineRange(pos.line, occ.start, occ.end) };
}

/** Where a scanned note mentions an entry (a glossary entry, or a vocabulary term in an own-term scan). */
export function mentionRanges(note: ScannedNote, entry: number): Range[] {
  const ranges: Range[] = [];
  forEachOccurrence(note, (e, line, start, end) => {
    if (e === entry) {
      ranges.push(lineRange(line, start, end));
    }
  });
  return ranges;
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
