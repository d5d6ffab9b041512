// Go to definition: from a term to the places where the user's own notes define it.
import type { Location, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineRange, ownTermAt, termAt, type FeatureContext } from './context';

export function definition(ctx: FeatureContext, doc: TextDocument, pos: Position): Location[] {
  const term = termAt(ctx, doc, pos);
  if (term) {
    return definitionsOf(ctx, term.entryIndex);
  }
  const own = ownTermAt(ctx, doc, pos);
  return own ? own.term.definitions.map((d) => ({ uri: d.uri, range: lineRange(d.line, d.start, d.end) })) : [];
}

export function definitionsOf(ctx: FeatureContext, entryIndex: number): Location[] {
  return ctx.index.definitions(entryIndex).map((d) => ({ uri: d.uri, range: lineRange(d.line, d.start, d.end) }));
}
