// Document highlight: the other mentions of the term under the cursor in the same note.
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineRange, termAt, type FeatureContext } from './context';
import { definitionSites } from '../scan/noteScanner';

export function documentHighlights(ctx: FeatureContext, doc: TextDocument, pos: Position): DocumentHighlight[] {
  const term = termAt(ctx, doc, pos);
  if (!term) return [];
  const note = ctx.scan(doc);
  const highlights: DocumentHighlight[] = [];
  const occ = note.occurrences;
  for (let i = 0; i < occ.length; i += 4) {
    if (occ[i] === term.entryIndex) highlights.push({ range: lineRange(occ[i + 1], occ[i + 2], occ[i + 3]), kind: DocumentHighlightKind.Text });
  }
  for (const d of definitionSites(note)) {
    if (d.entry !== term.entryIndex) continue;
    const h = highlights.find((h) => h.range.start.line === d.line && h.range.start.character === d.start);
    if (h) h.kind = DocumentHighlightKind.Write;
  }
  return highlights;
}
