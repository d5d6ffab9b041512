// Quick fixes for our findings: update the claim, mark it as historical, silence it on the line,
// in the file, or for the workspace. Everything needed travels with the finding.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../knowledge/glossary';
import type { FactBook } from '../facts/factBook';
import { formatMonth, type FindingFix } from './diagnostics';
import { t } from '../l10n';
import { frontMatterEnd } from '../parse/markdownLines';
import { DisableRuleCommand } from '../protocol';

/** One quick fix: edits of the note, or a command of the client's. */
export interface QuickFix {
  title: string;
  edits?: TextEdit[];
  command?: { command: string; arguments: unknown[] };
  preferred?: boolean;
}

export function quickFixes(locale: Locale, facts: FactBook, doc: TextDocument, finding: FindingFix & { range: Range }): QuickFix[] {
  const { ruleId: id, range } = finding;
  const fixes: QuickFix[] = [];
  if (finding.replacement) {
    fixes.push({
      title: t(locale, finding.kind === 'typo' ? 'fixTypo' : 'fixUpdate', finding.replacement),
      edits: [{ range, newText: finding.replacement }],
      preferred: true,
    });
  }
  const fact = finding.kind === 'fact' ? facts.byId.get(id)?.fact : undefined;
  if (fact) {
    const line = lineText(doc, range.start.line);
    const noteLocale: Locale = /[가-힣]/.test(line) ? 'ko' : 'en';
    const when = fact.changedOn ? formatMonth(noteLocale, fact.changedOn) : '';
    const note = t(noteLocale, when ? 'historicalNote' : 'historicalNoteUndated', when, fact.current[noteLocale]);
    const end = { line: range.start.line, character: line.length };
    fixes.push({ title: t(locale, 'fixHistorical'), edits: [{ range: { start: end, end }, newText: ` ${note}` }] });
  }
  fixes.push({ title: t(locale, 'fixSuppressLine', id), edits: [suppressLine(doc, finding)] });
  fixes.push({ title: t(locale, 'fixSuppressFile', id), edits: [suppressFile(doc, id)] });
  fixes.push({ title: t(locale, 'fixDisableRule', id), command: { command: DisableRuleCommand, arguments: [id] } });
  return fixes;
}

/** List items and table rows take a same-line comment: a line between them would split the list or table. */
function suppressLine(doc: TextDocument, { range, blockKind, ruleId }: FindingFix & { range: Range }): TextEdit {
  const lineNo = range.start.line;
  const line = lineText(doc, lineNo);
  if (blockKind === 'listItem' || blockKind === 'tableRow') {
    const end = { line: lineNo, character: line.length };
    return { range: { start: end, end }, newText: ` <!-- cloud-notes-disable-line ${ruleId} -->` };
  }
  const indent = /^[ \t]*/.exec(line)![0];
  const start = { line: lineNo, character: 0 };
  return { range: { start, end: start }, newText: `${indent}<!-- cloud-notes-disable-next-line ${ruleId} -->\n` };
}

/** A line of the note without its break (`\n`, `\r\n` or a lone `\r`). */
function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n?|\n)$/, '');
}

function suppressFile(doc: TextDocument, id: string): TextEdit {
  const at = doc.positionAt(frontMatterEnd(doc.getText()));
  return { range: { start: at, end: at }, newText: `<!-- cloud-notes-disable ${id} -->\n` };
}
