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
  for (const m of ctx.index.mentions(entryIndex)) found.push({ uri: m.uri, range: lineRange(m.line, m.start, m.end) });
  return found;
}
