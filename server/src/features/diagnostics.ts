// Diagnostics: outdated AWS facts stated in a note, and misspelled service names, as findings of
// our own type; the LSP layer (lsp/diagnostics.ts) turns them into Diagnostics. Each finding
// carries what a quick fix needs, so code actions need no state of their own.
import type { Range } from 'vscode-languageserver-types';
import type { Locale } from '../knowledge/glossary';
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { FactBook, CompiledFact } from '../facts/factBook';
import { findClaims, type ClaimFinding, type TableCell, type TermSpan } from '../facts/claimMatcher';
import { fewestMembers, findListClaims } from '../facts/listClaims';
import { blockLists, textsUnder } from '../parse/listSections';
import { resolveInContext, type TermMatch, type TermMatcher } from '../terms/termMatcher';
import { sourceEnd, sourceOffset, type Block, type NoteModel } from '../parse/noteModel';
import { LineMap } from '../text/lineMap';
import { findSuppressions } from '../diagnostics/suppressions';
import type { TypoFinder, TypoFinding } from '../diagnostics/serviceNameTypos';
import { t } from '../l10n';

export const TYPO_RULE = 'service-name';

export type RuleLevel = 'off' | Severity;
export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** `cloudNotes.rules`: rule id (a fact id, or `service-name`) → level. */
export type RuleSettings = Record<string, RuleLevel>;

/** What a quick fix needs of a finding; it travels with the diagnostic to the client and back. */
export interface FindingFix {
  /** `fact`: a claim an AWS change made outdated; `typo`: a misspelled service name. */
  kind: 'fact' | 'typo';
  /** The rule users configure and suppress: the fact id, or `service-name`. */
  ruleId: string;
  /** The text a quick fix puts in place of the range. */
  replacement?: string;
  /** List items and table rows take a same-line suppression comment. */
  blockKind: Block['kind'];
}

export interface Finding extends FindingFix {
  range: Range;
  severity: Severity;
  /** In the UI language. */
  message: string;
  /** Where AWS says so (facts only). */
  sourceUrl?: string;
  /** The range is the title of a list that lacks a newer member: the list is outdated, not the title's words. */
  listTitle?: boolean;
}

export interface DiagnosticsContext {
  readonly locale: Locale;
  readonly matcher: TermMatcher;
  readonly facts: FactBook;
  readonly typos: TypoFinder;
  readonly glossaryIds: readonly string[];
  /** Per entry index: its id and the ids of what it is part of. */
  readonly broader: readonly string[][];
  /** Per entry index: an AWS service or a feature of one (not a general concept such as IOPS). */
  readonly services: readonly boolean[];
  /** Per entry index: the ids the glossary compares it with, either way round (undefined for none). */
  readonly comparedWith: readonly (readonly string[] | undefined)[];
}

export function diagnosticsContext({ glossary, matcher, facts, typos }: Knowledge, locale: Locale): DiagnosticsContext {
  return {
    locale,
    matcher,
    facts,
    typos,
    glossaryIds: glossary.entries.map((e) => e.id),
    broader: glossary.entries.map((e) => glossary.withBroader(e.id)),
    services: glossary.entries.map((e) => glossary.isService(e.id)),
    comparedWith: glossary.entries.map((e) => {
      const ids = glossary
        .related(e.id)
        .filter((r) => r.type === 'compared-with')
        .map((r) => r.target.id);
      return ids.length ? ids : undefined;
    }),
  };
}

/** What one block yields before suppression and severity apply. */
interface BlockFindings {
  readonly claims: readonly ClaimFinding[];
  readonly typos: readonly TypoFinding[];
}

/**
 * Per open note: findings by block text and context, so an edit re-checks only the blocks whose
 * text or context changed. Each pass keeps just the entries it used.
 */
export class DiagnosticsCache {
  findings = new Map<string, BlockFindings>();
  readonly terms = new WeakMap<Block, readonly TermMatch[]>();
  /** Blocks of the last pass too large to check (see MAX_CHECKED_CHARS). */
  skippedBlocks = 0;
  /** Blocks the last pass checked, not finding them in the cache. */
  checkedBlocks = 0;
}

// Most blocks have nothing to say: they share one empty answer instead of each keeping its own.
const NO_TERMS: readonly TermMatch[] = Object.freeze([]);
const NO_FINDINGS: BlockFindings = Object.freeze({ claims: [], typos: [] });

/**
 * Beyond this a block is pasted data, not prose (paragraphs of notes stay under 2 KB): it is not
 * checked (and the service says so). Checking is linear but not cheap: a 43 KB run of candidate
 * claims took half a second.
 */
export const MAX_CHECKED_CHARS = 16 * 1024;

export function computeFindings(
  ctx: DiagnosticsContext,
  text: string,
  model: NoteModel,
  rules: RuleSettings = {},
  cache = new DiagnosticsCache(),
): Finding[] {
  const lines = new LineMap(text);
  const suppressions = findSuppressions(Array.from({ length: lines.lineCount }, (_, i) => lines.lineText(i)));
  const terms = (b: Block) => {
    let found = cache.terms.get(b);
    if (!found) {
      const matches = ctx.matcher.find(b.text);
      cache.terms.set(b, (found = matches.length ? matches : NO_TERMS));
    }
    return found;
  };
  const previous = cache.findings;
  cache.findings = new Map();
  cache.skippedBlocks = 0;
  cache.checkedBlocks = 0;
  const out: Finding[] = [];
  /** What each block states, for the lists whose titles they are. */
  const stated = new Map<Block, readonly ClaimFinding[]>();
  const addFact = (factId: string, block: Block, range: Range, more: Pick<Finding, 'replacement' | 'listTitle'>) => {
    const fact = ctx.facts.byId.get(factId)!;
    const severity = rules[factId] ?? fact.fact.severity;
    if (severity === 'off' || suppressions.isSuppressed(factId, range.start.line)) {
      return;
    }
    const message = factMessage(ctx.locale, fact);
    out.push({ kind: 'fact', ruleId: factId, range, severity, message, sourceUrl: fact.fact.source, ...more, blockKind: block.kind });
  };
  let tableHeader: Block | undefined;

  for (const block of model.blocks) {
    if (block.kind !== 'tableRow') {
      tableHeader = undefined;
    } else if (block.header) {
      tableHeader = block;
    }
    if (block.text.length > MAX_CHECKED_CHARS) {
      cache.skippedBlocks++;
      continue;
    }
    const context = [...block.headings, ...ancestors(block)];
    const asOf = suppressions.asOf(lines.positionAt(sourceOffset(block, 0)).line);
    const cells = block.kind === 'tableRow' && !block.header ? cellsUnder(ctx, block, tableHeader, terms) : undefined;
    const key = `${asOf}\u0001${context.map((b) => b.text).join('\u0002')}\u0001${cells?.map((c) => c.header).join('\u0002') ?? ''}\u0001${block.text}`;
    let found = cache.findings.get(key) ?? previous.get(key);
    if (!found) {
      cache.checkedBlocks++;
      const own = terms(block);
      const contextIds = new Set(context.flatMap((b) => terms(b).flatMap((m) => ctx.broader[m.entry])));
      const counted = inContext(ctx, own, contextIds);
      const claims: ClaimFinding[] = [];
      const typos: TypoFinding[] = [];
      // A huge block (a 1 MB line) is checked in windows, which keeps the work linear in its length.
      for (const [from, to] of windows(block.text)) {
        const inWindow = counted
          .filter((m) => m.start >= from && m.end <= to)
          .map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
        const spans = termSpans(ctx, inWindow);
        const text = block.text.slice(from, to);
        const inCells = cells?.map((c) => ({ ...c, start: c.start - from, end: c.end - from }));
        const input = { text, terms: spans, contextTermIds: contextIds, contextText: context.map((b) => b.text), asOf, cells: inCells };
        for (const c of findClaims(ctx.facts, input, ctx.locale)) {
          claims.push({ ...c, start: c.start + from, end: c.end + from });
        }
        for (const t of ctx.typos.find(text, inWindow)) {
          typos.push({ ...t, start: t.start + from, end: t.end + from });
        }
      }
      found = claims.length || typos.length ? { claims, typos } : NO_FINDINGS;
    }
    cache.findings.set(key, found);
    if (found.claims.length) {
      stated.set(block, found.claims);
    }

    for (const f of found.claims) {
      addFact(f.factId, block, rangeOf(block, f.start, f.end, lines), { replacement: f.replacement });
    }

    const typoLevel = rules[TYPO_RULE] ?? 'warning';
    if (typoLevel === 'off') {
      continue;
    }
    for (const typo of found.typos) {
      const range = rangeOf(block, typo.start, typo.end, lines);
      if (suppressions.isSuppressed(TYPO_RULE, range.start.line)) {
        continue;
      }
      out.push({
        kind: 'typo',
        ruleId: TYPO_RULE,
        range,
        severity: typo.kind === 'spelling' ? typoLevel : 'information',
        message: t(ctx.locale, 'typo', block.text.slice(typo.start, typo.end), typo.suggestion),
        replacement: typo.suggestion,
        blockKind: block.kind,
      });
    }
  }

  // A list is read whole on every pass (not from the per-block cache): an edit to any of its items re-checks it.
  for (const list of blockLists(model.blocks, fewestMembers(ctx.facts))) {
    const { title } = list;
    const section = {
      title: title.text,
      context: () => [...title.headings, ...ancestors(title)].map((b) => b.text),
      items: list.items.map((b) => b.text),
      rest: () => textsUnder(model.blocks, list),
      asOf: () => suppressions.asOf(lines.positionAt(sourceOffset(title, 0)).line),
    };
    const titleClaims = stated.get(title)?.map((c) => c.factId);
    for (const factId of title.text ? findListClaims(ctx.facts, section, titleClaims) : []) {
      addFact(factId, title, rangeOf(title, 0, title.text.length, lines), { listTitle: true });
    }
  }
  return out;
}

const WINDOW_CHARS = 4000;

/** [from, to) windows of at most WINDOW_CHARS, cut at whitespace where there is some. */
function windows(text: string): [number, number][] {
  if (text.length <= WINDOW_CHARS) {
    return [[0, text.length]];
  }
  const out: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + WINDOW_CHARS);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + WINDOW_CHARS / 2) {
        to = space + 1;
      }
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** The matches that count: a context-bound alias only where the block or its context names what it needs. */
export function inContext(ctx: DiagnosticsContext, own: readonly TermMatch[], contextIds: ReadonlySet<string>): TermMatch[] {
  const mentioned = (e: number) => contextIds.has(ctx.glossaryIds[e]) || own.some((o) => o.entry === e);
  return own.flatMap((m) => resolveInContext(m, mentioned) ?? []);
}

/**
 * Terms as the claim matcher sees them: each match under its id and every id it is part of. A bare
 * noun that counts only in its service's section (`인스턴스`, `레코드`) names no other service.
 */
export function termSpans(ctx: DiagnosticsContext, matches: readonly TermMatch[]): TermSpan[] {
  return matches.flatMap((m) =>
    ctx.broader[m.entry].map((termId, i) => ({
      termId,
      start: m.start,
      end: m.end,
      service: ctx.services[m.entry] && !m.requires,
      implied: i > 0,
      contextBound: !!m.requires,
      comparedWith: i === 0 ? ctx.comparedWith[m.entry] : undefined,
    })),
  );
}

/** A table row's cells with the text of their column's header and the terms it names. */
function cellsUnder(
  ctx: DiagnosticsContext,
  row: Block,
  header: Block | undefined,
  terms: (b: Block) => readonly TermMatch[],
): TableCell[] | undefined {
  if (!header?.cells || !row.cells) {
    return undefined;
  }
  return row.cells.map((c, i) => {
    const h = header.cells![i];
    if (!h) {
      return { ...c, header: '' };
    }
    const named = terms(header).filter((m) => !m.requires && m.start >= h.start && m.end <= h.end);
    return { ...c, header: header.text.slice(h.start, h.end), headerTerms: termSpans(ctx, named) };
  });
}

function* ancestors(block: Block): Generator<Block> {
  for (let p = block.parent; p; p = p.parent) {
    yield p;
  }
}

function rangeOf(block: Block, start: number, end: number, lines: LineMap): Range {
  return { start: lines.positionAt(sourceOffset(block, start)), end: lines.positionAt(sourceEnd(block, end)) };
}

/** "<what changed> Now: <current fact> (changed Dec 2020 · source: aws.amazon.com/s3/consistency)" in the UI language. */
export function factMessage(locale: Locale, compiled: CompiledFact): string {
  const { fact } = compiled;
  const when = changeDate(locale, compiled);
  const source = fact.source.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '');
  return t(locale, 'outdated', fact.changed[locale], fact.current[locale], `${when ? `${when} · ` : ''}${t(locale, 'source', source)}`);
}

/** "changed Dec 2020" / "2020년 12월 변경", or '' when the date is unknown. */
export function changeDate(locale: Locale, { fact }: CompiledFact): string {
  return fact.changedOn ? t(locale, fact.changedOnApprox ? 'changedAround' : 'changedOn', formatMonth(locale, fact.changedOn)) : '';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatMonth(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (locale === 'ko') {
    return `${year}년${month ? ` ${month}월` : ''}${day ? ` ${day}일` : ''}`;
  }
  return [day, month ? MONTHS[month - 1] : undefined, year].filter(Boolean).join(' ');
}
