// Quick fixes for our diagnostics: update the claim, mark it as historical, silence it on the
// line, in the file, or for the workspace. Everything needed travels in the diagnostic's `data`.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../knowledge/glossary';
import type { FactBook } from '../facts/factBook';
import { DIAGNOSTIC_SOURCE, formatMonth, type DiagnosticData } from './diagnostics';
import { t } from '../l10n';
import { DisableRuleCommand } from '../protocol';

export function codeActions(locale: Locale, facts: FactBook, doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !d.data) {
      continue;
    }
    const data = d.data as DiagnosticData;
    const id = String(d.code);
    const fix = (title: string, edits: TextEdit[], isPreferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred,
      edit: { changes: { [doc.uri]: edits } },
    });

    if (data.replacement) {
      actions.push(
        fix(
          t(locale, data.kind === 'typo' ? 'fixTypo' : 'fixUpdate', data.replacement),
          [{ range: d.range, newText: data.replacement }],
          true,
        ),
      );
    }

    if (data.kind === 'fact') {
      const fact = facts.byId.get(data.factId)!.fact;
      const line = lineText(doc, d.range.start.line);
      const noteLocale: Locale = /[가-힣]/.test(line) ? 'ko' : 'en';
      const when = fact.changedOn ? formatMonth(noteLocale, fact.changedOn) : '';
      const note = t(noteLocale, when ? 'historicalNote' : 'historicalNoteUndated', when, fact.current[noteLocale]);
      const end = { line: d.range.start.line, character: line.length };
      actions.push(fix(t(locale, 'fixHistorical'), [{ range: { start: end, end }, newText: ` ${note}` }]));
    }

    actions.push(fix(t(locale, 'fixSuppressLine', id), [suppressLine(doc, d, data, id)]));
    actions.push(fix(t(locale, 'fixSuppressFile', id), [suppressFile(doc, id)]));
    actions.push({
      title: t(locale, 'fixDisableRule', id),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: t(locale, 'fixDisableRule', id), command: DisableRuleCommand, arguments: [id] },
    });
  }
  return actions;
}

/** List items and table rows take a same-line comment: a line between them would split the list or table. */
function suppressLine(doc: TextDocument, d: Diagnostic, data: DiagnosticData, id: string): TextEdit {
  const lineNo = d.range.start.line;
  const line = lineText(doc, lineNo);
  if (data.blockKind === 'listItem' || data.blockKind === 'tableRow') {
    const end = { line: lineNo, character: line.length };
    return { range: { start: end, end }, newText: ` <!-- cloud-notes-disable-line ${id} -->` };
  }
  const indent = /^[ \t]*/.exec(line)![0];
  const start = { line: lineNo, character: 0 };
  return { range: { start, end: start }, newText: `${indent}<!-- cloud-notes-disable-next-line ${id} -->\n` };
}

/** A line of the note without its break (`\n`, `\r\n` or a lone `\r`). */
function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n?|\n)$/, '');
}

function suppressFile(doc: TextDocument, id: string): TextEdit {
  const text = doc.getText();
  const front = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*\r?\n/.exec(text);
  const at = doc.positionAt(front ? front[0].length : 0);
  return { range: { start: at, end: at }, newText: `<!-- cloud-notes-disable ${id} -->\n` };
}
