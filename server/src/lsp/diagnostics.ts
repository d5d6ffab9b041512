// The LSP form of our findings and quick fixes: findings become Diagnostics (with what a quick fix
// needs in `data`), and the Diagnostics a client sends back with a code-action request become
// findings again.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, FindingFix, Severity } from '../features/diagnostics';
import type { QuickFix } from '../features/codeActions';

export const DIAGNOSTIC_SOURCE = 'Cloud Study Notes';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic({ range, severity, message, sourceUrl, kind, ruleId, replacement, blockKind }: Finding): Diagnostic {
  return {
    range,
    severity: SEVERITIES[severity],
    code: ruleId,
    ...(sourceUrl ? { codeDescription: { href: sourceUrl } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message,
    data: { kind, ruleId, replacement, blockKind } satisfies FindingFix,
  };
}

/** The finding a diagnostic of ours carries; undefined for other sources' diagnostics. */
export function findingOf(d: Diagnostic): (FindingFix & Pick<Finding, 'range'>) | undefined {
  const data = d.data as Partial<FindingFix> | undefined;
  if (d.source !== DIAGNOSTIC_SOURCE || !data || (data.kind !== 'fact' && data.kind !== 'typo') || typeof data.ruleId !== 'string') {
    return undefined;
  }
  return { kind: data.kind, ruleId: data.ruleId, replacement: data.replacement, blockKind: data.blockKind ?? 'paragraph', range: d.range };
}

export function toCodeActions(uri: string, diagnostic: Diagnostic, fixes: readonly QuickFix[]): CodeAction[] {
  return fixes.map(({ title, edits, command, preferred }) => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(preferred ? { isPreferred: true } : {}),
    ...(edits ? { edit: { changes: { [uri]: edits } } } : {}),
    ...(command ? { command: { title, ...command } } : {}),
  }));
}
