// Document symbols (the heading outline) and workspace symbols (headings and the services the notes mention).
import { SymbolKind, type DocumentSymbol, type Location, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { definitionsOf } from './definition';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { headingsOf, type HeadingInfo } from '../scan/noteScanner';
import { lineRange, type FeatureContext } from './context';

const MAX_WORKSPACE_SYMBOLS = 500;

export function documentSymbols(ctx: FeatureContext, doc: TextDocument): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const lastLine = doc.lineCount - 1;
  for (const h of headingsOf(ctx.scan(doc))) {
    while (stack.length && stack[stack.length - 1].level >= h.level) {
      close(stack.pop()!.symbol, h.line - 1);
    }
    const symbol: DocumentSymbol = {
      name: h.text || '#',
      kind: SymbolKind.String,
      range: lineRange(h.line, 0, 0),
      selectionRange: lineRange(h.line, 0, 0),
      children: [],
    };
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ level: h.level, symbol });
  }
  while (stack.length) {
    close(stack.pop()!.symbol, lastLine);
  }
  return roots;

  function close(symbol: DocumentSymbol, endLine: number) {
    const end = Math.max(endLine, symbol.range.start.line);
    symbol.range = { start: symbol.range.start, end: { line: end, character: doc.getText(lineRange(end, 0, 100000)).length } };
    symbol.selectionRange = lineRange(symbol.range.start.line, 0, doc.getText(lineRange(symbol.range.start.line, 0, 100000)).length);
  }
}

export function workspaceSymbols(ctx: FeatureContext, query: string): WorkspaceSymbol[] {
  const q = query.normalize('NFC').toLowerCase();
  const symbols: WorkspaceSymbol[] = [];
  for (const [i, entry] of ctx.glossary.entries.entries()) {
    if (!ctx.index.noteCount(i)) {
      continue;
    }
    const names = [entry.name, entry.shortName, entry.nameKo];
    if (q && !names.some((n) => n.toLowerCase().includes(q))) {
      continue;
    }
    const location = definitionsOf(ctx, i)[0] ?? firstMention(ctx, i);
    symbols.push({ name: entry.name, kind: SymbolKind.Class, containerName: entry.nameKo, location });
  }
  for (const uri of ctx.index.uris()) {
    if (symbols.length >= MAX_WORKSPACE_SYMBOLS) {
      break;
    }
    for (const h of headingsOf(ctx.index.get(uri)!)) {
      if (q && !h.text.toLowerCase().includes(q)) {
        continue;
      }
      symbols.push(headingSymbol(uri, h));
      if (symbols.length >= MAX_WORKSPACE_SYMBOLS) {
        break;
      }
    }
  }
  return symbols;
}

function firstMention(ctx: FeatureContext, entry: number): Location {
  let first: Location | undefined;
  ctx.index.forEachMention(entry, (uri, line, start, end) => {
    first = { uri, range: lineRange(line, start, end) };
    return false;
  });
  return first!;
}

function headingSymbol(uri: string, h: HeadingInfo): WorkspaceSymbol {
  return { name: `${'#'.repeat(h.level)} ${h.text}`, kind: SymbolKind.String, location: { uri, range: lineRange(h.line, 0, 0) } };
}
