// Finds outdated claims in one block of note text. Pure and allocation-light: it runs on every
// edit for every block of the note.
import type { CompiledFact, CompiledFrame, CompiledPattern, FactBook, Localized } from './factBook';
import { isClauseNegated, isHistorical, isNotPossibleAfter, notesChange, sentenceAt, splitSentences, type Range } from './markers';

export interface TermSpan {
  termId: string;
  start: number;
  end: number;
  /** A service or a feature of one, not a general concept: naming it makes a sentence about it. */
  service?: boolean;
  /** Not named but implied: what a named term is part of (`Spot Block` names no Spot Block's parent). */
  implied?: boolean;
  /** A bare noun that counts only in its section (`버퍼 크기` in a Firehose section): it names no service. */
  contextBound?: boolean;
  /** What the glossary compares it with (`NAT Instance` → NAT Gateway): naming it alone is speaking of a rival. */
  comparedWith?: readonly string[];
}

/** A table cell: its range in the row's text, and its column's header with the terms it names. */
export interface TableCell {
  start: number;
  end: number;
  header: string;
  headerTerms?: readonly TermSpan[];
}

export interface ClaimInput {
  /** Plain text of ONE block (a paragraph, a list item's own text, a table row, a heading), NFC. */
  text: string;
  /** Glossary terms recognised in `text` (offsets into text). */
  terms: TermSpan[];
  /** Terms of the enclosing headings and parent list items. */
  contextTermIds: ReadonlySet<string>;
  /** Text of the enclosing headings and parent list items (for markers like "(과거)"). */
  contextText: string[];
  /** Year of an `<!-- as-of: YYYY -->` marker that applies to the block. */
  asOf?: number;
  /** For a table row: each cell's range in `text` and its column's header. */
  cells?: readonly TableCell[];
}

export interface ClaimFinding {
  factId: string;
  start: number;
  end: number;
  replacement?: string;
}

const HANGUL = /[\uac00-\ud7a3]/u;
const LATIN = /[a-z]/iu;

/** Longer than any sentence in notes (they stay under 300 characters). */
const SENTENCE_REACH = 500;

/** What a table cell is read under, as a heading is: its row's first cell and its column's header. */
interface CellHeaders {
  terms: readonly TermSpan[];
  texts: readonly string[];
}

class Block {
  readonly lower: string;
  /**
   * The text patterns run on: in a row, a line break before each cell separator, so a look-around
   * that stops at line breaks stays in its cell while `Glacier |` still reads as a label.
   */
  readonly scanned: string;
  private sentences?: Range[];
  private readonly contextPast = new Map<number | undefined, boolean>();
  private readonly cellHeaders = new Map<number, CellHeaders>();

  constructor(readonly input: ClaimInput) {
    this.lower = input.text.toLowerCase();
    this.scanned = input.cells ? cellsApart(input.text, input.cells) : input.text;
  }

  /** The headers of the table cell around `offset`, if the block is a table row. */
  headersAt(offset: number): CellHeaders | undefined {
    const { cells, terms, text } = this.input;
    const i = cells?.findIndex((c) => c.start <= offset && offset < c.end) ?? -1;
    if (i < 0) {
      return undefined;
    }
    let headers = this.cellHeaders.get(i);
    if (!headers) {
      const column = cells![i];
      const row = i > 0 ? cells![0] : undefined;
      headers = {
        terms: [...(column.headerTerms ?? []), ...(row ? terms.filter((t) => t.start >= row.start && t.end <= row.end) : [])],
        texts: [column.header, ...(row ? [text.slice(row.start, row.end)] : [])],
      };
      this.cellHeaders.set(i, headers);
    }
    return headers;
  }

  /**
   * The sentence around `offset`, at most SENTENCE_REACH characters either side: a run of text
   * that never ends a sentence is read as a sentence around each claim, or every claim in it
   * would look through all of it (quadratic in a long paragraph of claims).
   */
  sentence(offset: number): Range {
    this.sentences ??= splitSentences(this.input.text);
    const { start, end } = sentenceAt(this.sentences, offset);
    return { start: Math.max(start, offset - SENTENCE_REACH), end: Math.min(end, offset + SENTENCE_REACH) };
  }

  /** Whether the enclosing headings and items mark the section as historical. */
  contextHistorical(changedYear: number | undefined): boolean {
    let past = this.contextPast.get(changedYear);
    if (past === undefined) {
      past = this.input.contextText.some((t) => isHistorical(t, changedYear));
      this.contextPast.set(changedYear, past);
    }
    return past;
  }
}

/** A row's text with the space before each cell separator turned into a line break (same length, same offsets). */
function cellsApart(text: string, cells: readonly TableCell[]): string {
  let out = '';
  let at = 0;
  for (const c of cells) {
    const start = Math.min(Math.max(c.start, at), text.length);
    out += text.slice(at, start).replaceAll(' |', '\n|');
    at = Math.min(Math.max(c.end, start), text.length);
    out += text.slice(start, at);
  }
  return out + text.slice(at).replaceAll(' |', '\n|');
}

/**
 * A header naming what the glossary compares the subject with heads that rival's column or row. In a
 * sentence a rival is only the yardstick (`온디맨드 대비 최대 72%`).
 */
function headsRival(cf: CompiledFact, t: TermSpan): boolean {
  return !!t.comparedWith?.some((id) => cf.about.has(id));
}

/**
 * The sentence names other services and none of the fact's subjects: its value is theirs
 * (`- DynamoDB GSI 최대 5개` under an RDS heading), whatever the section is about. A table cell
 * that names nothing is about what its row and column headers name (`NAT Instance` over `45 Gbps`).
 */
function aboutSomethingElse(cf: CompiledFact, block: Block, sentence: Range, claim: Range, headers: CellHeaders | undefined): boolean {
  let other = false;
  for (const t of block.input.terms) {
    if (t.end <= sentence.start || t.start >= sentence.end || (t.start < claim.end && t.end > claim.start)) {
      continue;
    }
    if (cf.family.has(t.termId)) {
      return false;
    }
    other ||= !!t.service;
  }
  if (other || !headers) {
    return other;
  }
  for (const t of headers.terms) {
    if (cf.family.has(t.termId)) {
      return false;
    }
    other ||= !!t.service || headsRival(cf, t);
  }
  return other;
}

function subjectMentioned(cf: CompiledFact, block: Block, sentence: Range, headers: CellHeaders | undefined): boolean {
  const { terms, contextTermIds } = block.input;
  if (headers?.terms.some((t) => cf.about.has(t.termId))) {
    return true;
  }
  switch (cf.fact.context) {
    case 'sentence':
      return terms.some((t) => cf.about.has(t.termId) && t.start < sentence.end && t.end > sentence.start);
    case 'block':
      return terms.some((t) => cf.about.has(t.termId));
    case 'section':
      return terms.some((t) => cf.about.has(t.termId)) || cf.fact.about.some((id) => contextTermIds.has(id));
  }
}

function excluded(cf: CompiledFact, block: Block): boolean {
  if (cf.exclude.length === 0) {
    return false;
  }
  const texts = cf.fact.context === 'section' ? [block.input.text, ...block.input.contextText] : [block.input.text];
  return cf.exclude.some((re) => texts.some((t) => re.test(t)));
}

/** Korean replacement text in a Korean sentence, English in a Latin one, else the UI locale. */
function replacementText(replacement: Localized, match: RegExpExecArray | undefined, sentence: string, locale: 'ko' | 'en'): string {
  const lang = HANGUL.test(sentence) ? 'ko' : LATIN.test(sentence) ? 'en' : locale;
  return replacement[lang].replace(/\$(\d)/g, (_, n: string) => match?.[Number(n)] ?? '');
}

/**
 * Whether a claim at [start, end) stands: its subject is there (or the claim names it), the sentence
 * is not about another service, and nothing marks it as negated, historical or noted as changed.
 */
function stands(cf: CompiledFact, block: Block, start: number, end: number, negated: boolean, subjectNamed: boolean): Range | undefined {
  const range = block.sentence(start);
  const headers = block.headersAt(start);
  if (!subjectNamed && (!subjectMentioned(cf, block, range, headers) || aboutSomethingElse(cf, block, range, { start, end }, headers))) {
    return undefined;
  }
  const sentence = block.input.text.slice(range.start, range.end);
  if (!negated && (isClauseNegated(sentence, start - range.start) || isNotPossibleAfter(block.input.text.slice(end, range.end)))) {
    return undefined;
  }
  if (notesChange(sentence)) {
    return undefined;
  }
  if (isHistorical(sentence, cf.changedYear) || block.contextHistorical(cf.changedYear)) {
    return undefined;
  }
  if (headers?.texts.some((t) => isHistorical(t, cf.changedYear))) {
    return undefined;
  }
  return range;
}

function hasAny(ids: ReadonlySet<string>, named: ReadonlySet<string>): boolean {
  for (const id of ids) {
    if (named.has(id)) {
      return true;
    }
  }
  return false;
}

function push(out: ClaimFinding[], finding: ClaimFinding): void {
  if (!out.some((f) => f.factId === finding.factId && f.start < finding.end && f.end > finding.start)) {
    out.push(finding);
  }
}

/** The attribute is named next to the value, in the value's row or column header, or in the heading or item a terse value sits under. */
function attributeNamed(frame: CompiledFrame, block: Block, start: number, end: number, sentence: Range): boolean {
  const { text, contextText } = block.input;
  const { attribute } = frame;
  if (attribute.before.test(text.slice(Math.max(sentence.start, start - 60), start))) {
    return true;
  }
  if (attribute.after.test(text.slice(end, Math.min(sentence.end, end + 30)))) {
    return true;
  }
  if (block.headersAt(start)?.texts.some((h) => attribute.anywhere.test(h))) {
    return true;
  }
  const terse = sentence.end - sentence.start - (end - start) <= 25;
  const parent = contextText[contextText.length - 1];
  return terse && parent !== undefined && attribute.anywhere.test(parent);
}

function matchFrame(cf: CompiledFact, frame: CompiledFrame, block: Block, locale: 'ko' | 'en', out: ClaimFinding[]): void {
  const { text, terms } = block.input;
  const values: [number, number, RegExpExecArray | undefined][] = frame.value
    ? [...block.scanned.matchAll(frame.value)].map(
        (m) => [...(m.indices?.groups?.claim ?? [m.index, m.index + m[0].length]), m] as [number, number, RegExpExecArray],
      )
    : terms.filter((t) => t.termId === frame.concept).map((t) => [t.start, t.end, undefined]);
  for (const [start, end, m] of values) {
    if (end <= start) {
      continue;
    }
    const range = stands(cf, block, start, end, false, false);
    if (!range || !attributeNamed(frame, block, start, end, range)) {
      continue;
    }
    const finding: ClaimFinding = { factId: cf.fact.id, start, end };
    if (frame.replacement && m) {
      finding.replacement = replacementText(frame.replacement, m, text.slice(range.start, range.end), locale);
    }
    push(out, finding);
  }
}

/** A present-tense mention of a renamed or retired name, unless the new name stands beside it. */
function matchMentions(cf: CompiledFact, block: Block, locale: 'ko' | 'en', out: ClaimFinding[]): void {
  const { terms, text } = block.input;
  for (const t of terms) {
    if (t.implied || !cf.mentions.has(t.termId)) {
      continue;
    }
    const range = stands(cf, block, t.start, t.end, false, true);
    if (!range) {
      continue;
    }
    if (terms.some((u) => !u.contextBound && cf.unlessTerms.has(u.termId) && u.start < range.end && u.end > range.start)) {
      continue;
    }
    const finding: ClaimFinding = { factId: cf.fact.id, start: t.start, end: t.end };
    if (cf.fact.replacement) {
      finding.replacement = replacementText(cf.fact.replacement, undefined, text.slice(range.start, range.end), locale);
    }
    push(out, finding);
  }
}

function matchPattern(cf: CompiledFact, p: CompiledPattern, block: Block, locale: 'ko' | 'en', out: ClaimFinding[]): void {
  const { text } = block.input;
  for (const m of block.scanned.matchAll(p.re)) {
    const [start, end] = m.indices?.groups?.claim ?? [m.index, m.index + m[0].length];
    if (end <= start) {
      continue;
    }
    const range = stands(cf, block, start, end, p.negated, p.subject);
    if (!range) {
      continue;
    }
    const finding: ClaimFinding = { factId: cf.fact.id, start, end };
    if (p.replacement) {
      finding.replacement = replacementText(p.replacement, m, text.slice(range.start, range.end), locale);
    }
    push(out, finding);
  }
}

/** Outdated claims in one block, in text order. */
export function findClaims(book: FactBook, input: ClaimInput, locale: 'ko' | 'en'): ClaimFinding[] {
  const block = new Block(input);
  const out: ClaimFinding[] = [];
  const hasDigit = /\d/.test(input.text);
  const named = new Set(input.terms.map((t) => t.termId));
  const headerNamed = new Set(input.cells?.flatMap((c) => c.headerTerms?.map((t) => t.termId) ?? []));
  // A frame counts only where its subject is named, in the block or around it: other facts' frames are not tried.
  const present = (cf: CompiledFact) => cf.fact.about.some((id) => named.has(id) || input.contextTermIds.has(id) || headerNamed.has(id));
  for (const cf of book.facts) {
    if (input.asOf !== undefined && cf.changedYear !== undefined && cf.changedYear > input.asOf) {
      continue;
    }
    const patterns = cf.patterns.length > 0 && cf.keywords.some((k) => block.lower.includes(k));
    const frames = cf.frames.length && present(cf) ? cf.frames.filter((f) => (f.value ? hasDigit : named.has(f.concept!))) : [];
    const mentions = cf.mentions.size > 0 && hasAny(cf.mentions, named);
    if ((!patterns && !frames.length && !mentions) || excluded(cf, block)) {
      continue;
    }
    if (patterns) {
      for (const p of cf.patterns) {
        matchPattern(cf, p, block, locale, out);
      }
    }
    for (const f of frames) {
      matchFrame(cf, f, block, locale, out);
    }
    if (mentions) {
      matchMentions(cf, block, locale, out);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
