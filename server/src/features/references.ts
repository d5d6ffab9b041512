// References: every mention of a term in any note, under any of its names.
import type { Location, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineRange, termAt, type FeatureContext } from './context';

export function references(ctx: FeatureContext, doc: TextDocument, pos: Position): Location[] {
  const term = termAt(ctx, doc, pos);
  return term ? mentionsOf(ctx, term.entryIndex) : [];
}

export function mentionsOf(ctx: FeatureContext, entryIndex: number): Location[] {
  const found: Location[] = [];
  ctx.index.forEachMention(entryIndex, (uri, line, start, end) => {
    found.push({ uri, range: lineRange(line, start, end) });
  });
  return found;
}
