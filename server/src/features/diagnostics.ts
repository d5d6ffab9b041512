// Diagnostics: outdated AWS facts stated in a note, and misspelled service names. Each finding
// carries what a quick fix needs in `data`, so code actions need no state of their own.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../knowledge/glossary';
import type { FactBook, CompiledFact } from '../facts/factBook';
import { findClaims, type TermSpan } from '../facts/claimMatcher';
import type { TermMatch, TermMatcher } from '../terms/termMatcher';
import type { Block, NoteModel } from '../parse/noteModel';
import { LineMap } from '../text/lineMap';
import { findSuppressions } from '../diagnostics/suppressions';
import type { TypoFinder } from '../diagnostics/serviceNameTypos';
import { t } from '../l10n';

export const DIAGNOSTIC_SOURCE = 'Cloud Study Notes';
export const TYPO_RULE = 'service-name';

export type RuleLevel = 'off' | 'error' | 'warning' | 'information' | 'hint';
/** `cloudNotes.rules`: rule id (a fact id, or `service-name`) → level. */
export type RuleSettings = Record<string, RuleLevel>;

export type DiagnosticData =
  | { kind: 'fact'; factId: string; replacement?: string; blockKind: Block['kind'] }
  | { kind: 'typo'; replacement: string; blockKind: Block['kind'] };

export interface DiagnosticsContext {
  readonly locale: Locale;
  readonly matcher: TermMatcher;
  readonly facts: FactBook;
  readonly typos: TypoFinder;
  readonly glossaryIds: readonly string[];
}

const LEVELS: Record<Exclude<RuleLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function computeDiagnostics(ctx: DiagnosticsContext, text: string, model: NoteModel, rules: RuleSettings = {}): Diagnostic[] {
  const lines = new LineMap(text);
  const suppressions = findSuppressions(Array.from({ length: lines.lineCount }, (_, i) => lines.lineText(i)));
  const termsOf = new Map<Block, TermMatch[]>();
  const terms = (b: Block) => {
    let found = termsOf.get(b);
    if (!found) termsOf.set(b, (found = ctx.matcher.find(b.text)));
    return found;
  };
  const out: Diagnostic[] = [];

  for (const block of model.blocks) {
    const own = terms(block);
    const context = [...block.headings, ...ancestors(block)];
    const contextIds = new Set(context.flatMap((b) => terms(b).map((m) => ctx.glossaryIds[m.entry])));
    const spans: TermSpan[] = own
      .filter((m) => !m.requires || m.requires.some((r) => contextIds.has(ctx.glossaryIds[r]) || own.some((o) => o.entry === r)))
      .map((m) => ({ termId: ctx.glossaryIds[m.entry], start: m.start, end: m.end }));
    const startLine = lines.positionAt(block.offsets[0]).line;

    const findings = findClaims(ctx.facts, { text: block.text, terms: spans, contextTermIds: contextIds, contextText: context.map((b) => b.text), asOf: suppressions.asOf(startLine) }, ctx.locale);
    for (const f of findings) {
      const fact = ctx.facts.byId.get(f.factId)!;
      const severity = level(rules[f.factId], fact);
      const range = rangeOf(block, f.start, f.end, lines);
      if (severity === undefined || suppressions.isSuppressed(f.factId, range.start.line)) continue;
      out.push({
        range,
        severity,
        code: f.factId,
        codeDescription: { href: fact.fact.source },
        source: DIAGNOSTIC_SOURCE,
        message: factMessage(ctx.locale, fact),
        data: { kind: 'fact', factId: f.factId, replacement: f.replacement, blockKind: block.kind } satisfies DiagnosticData,
      });
    }

    const typoLevel = rules[TYPO_RULE] ?? 'warning';
    if (typoLevel === 'off') continue;
    for (const typo of ctx.typos.find(block.text, own)) {
      const range = rangeOf(block, typo.start, typo.end, lines);
      if (suppressions.isSuppressed(TYPO_RULE, range.start.line)) continue;
      out.push({
        range,
        severity: typo.kind === 'spelling' ? LEVELS[typoLevel] : DiagnosticSeverity.Information,
        code: TYPO_RULE,
        source: DIAGNOSTIC_SOURCE,
        message: t(ctx.locale, 'typo', block.text.slice(typo.start, typo.end), typo.suggestion),
        data: { kind: 'typo', replacement: typo.suggestion, blockKind: block.kind } satisfies DiagnosticData,
      });
    }
  }
  return out;
}

function* ancestors(block: Block): Generator<Block> {
  for (let p = block.parent; p; p = p.parent) yield p;
}

function level(setting: RuleLevel | undefined, fact: CompiledFact): DiagnosticSeverity | undefined {
  if (setting === 'off') return undefined;
  return LEVELS[setting ?? fact.fact.severity];
}

function rangeOf(block: Block, start: number, end: number, lines: LineMap) {
  return { start: lines.positionAt(block.offsets[start]), end: lines.positionAt(block.offsets[end - 1] + 1) };
}

/** "<what changed> (changed Dec 2020). Now: <current fact>" in the UI language. */
export function factMessage(locale: Locale, { fact }: CompiledFact): string {
  const when = fact.changedOn ? t(locale, fact.changedOnApprox ? 'changedAround' : 'changedOn', formatMonth(locale, fact.changedOn)) : '';
  return t(locale, 'outdated', fact.changed[locale], when, fact.current[locale]).replace(/\s+\./, '.');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatMonth(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (locale === 'ko') return `${year}년${month ? ` ${month}월` : ''}${day ? ` ${day}일` : ''}`;
  return [day, month ? MONTHS[month - 1] : undefined, year].filter(Boolean).join(' ');
}
