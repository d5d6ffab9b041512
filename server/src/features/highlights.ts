// Document highlight: the other mentions of the term under the cursor in the same note.
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mentionRanges, ownTermAt, termAt, type FeatureContext } from './context';
import { definitionSites, type ScannedNote } from '../scan/noteScanner';

export function documentHighlights(ctx: FeatureContext, doc: TextDocument, pos: Position): DocumentHighlight[] {
  const term = termAt(ctx, doc, pos);
  if (term) {
    const note = ctx.scan(doc);
    return markDefinitions(
      mentionsIn(note, term.entryIndex),
      definitionSites(note).filter((d) => d.entry === term.entryIndex),
    );
  }
  const own = ownTermAt(ctx, doc, pos);
  if (!own) {
    return [];
  }
  return markDefinitions(
    mentionsIn(ctx.scanOwnTerms(doc), own.termIndex),
    own.term.definitions.filter((d) => d.uri === doc.uri),
  );
}

function mentionsIn(note: ScannedNote, entry: number): DocumentHighlight[] {
  return mentionRanges(note, entry).map((range) => ({ range, kind: DocumentHighlightKind.Text }));
}

/** Mentions where the note defines the term are writes. */
function markDefinitions(highlights: DocumentHighlight[], definitions: readonly { line: number; start: number }[]): DocumentHighlight[] {
  for (const d of definitions) {
    const h = highlights.find((h) => h.range.start.line === d.line && h.range.start.character === d.start);
    if (h) {
      h.kind = DocumentHighlightKind.Write;
    }
  }
  return highlights;
}
