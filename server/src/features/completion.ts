// Completion of service and term names, in Korean or English, from the word being typed.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { aliasText, allNames } from '../knowledge/glossary';
import { isAsciiAlnum, isHangul } from '../text/charClass';
import { categoryLabel, t } from '../l10n';
import type { FeatureContext } from './context';

const MAX_ITEMS = 50;

export function completion(ctx: FeatureContext, doc: TextDocument, pos: Position): CompletionItem[] {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  let start = line.length;
  while (start > 0 && isWordChar(line.charCodeAt(start - 1))) {
    start--;
  }
  const prefix = line.slice(start).normalize('NFC').toLowerCase();
  if (!prefix) {
    return [];
  }
  const items: CompletionItem[] = [];
  for (const entry of ctx.glossary.entries) {
    const name = allNames(entry)
      .map(aliasText)
      .find((n) => n.toLowerCase().startsWith(prefix));
    if (!name) {
      continue;
    }
    const label = isHangul(prefix.charCodeAt(0)) ? entry.nameKo : entry.shortName;
    items.push({
      label,
      kind: CompletionItemKind.Keyword,
      detail: `${entry.name} · ${categoryLabel(ctx.locale, entry.category)}`,
      documentation: { kind: MarkupKind.Markdown, value: entry.definition[ctx.locale] },
      filterText: name,
      textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText: label },
    });
    if (items.length >= MAX_ITEMS) {
      return items;
    }
  }
  for (const term of ctx.vocabulary().terms) {
    const name = term.names.find((n) => n.toLowerCase().startsWith(prefix));
    if (!name) {
      continue;
    }
    items.push({
      label: name,
      kind: CompletionItemKind.Text,
      detail: t(ctx.locale, 'ownTerm'),
      documentation: term.definitions.find((d) => d.gist)?.gist,
      textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText: name },
    });
    if (items.length >= MAX_ITEMS) {
      break;
    }
  }
  return items;
}

function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || isHangul(c) || c === 45;
}
