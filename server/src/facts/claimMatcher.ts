// Finds outdated claims in one block of note text. Pure and allocation-light: it runs on every
// edit for every block of the note.
import type { CompiledFact, CompiledPattern, FactBook, Localized } from './factBook';
import { isHistorical, isNegated, notesChange, sentenceAt, splitSentences, type Range } from './markers';

export interface TermSpan {
  termId: string;
  start: number;
  end: number;
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
}

export interface ClaimFinding {
  factId: string;
  start: number;
  end: number;
  replacement?: string;
}

const HANGUL = /[\uac00-\ud7a3]/u;
const LATIN = /[a-z]/iu;

class Block {
  readonly lower: string;
  private sentences?: Range[];
  private readonly contextPast = new Map<number | undefined, boolean>();

  constructor(readonly input: ClaimInput) {
    this.lower = input.text.toLowerCase();
  }

  sentence(offset: number): Range {
    this.sentences ??= splitSentences(this.input.text);
    return sentenceAt(this.sentences, offset);
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

function subjectMentioned(cf: CompiledFact, block: Block, sentence: Range): boolean {
  const { terms, contextTermIds } = block.input;
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
  if (cf.exclude.length === 0) return false;
  const texts = cf.fact.context === 'section' ? [block.input.text, ...block.input.contextText] : [block.input.text];
  return cf.exclude.some((re) => texts.some((t) => re.test(t)));
}

/** Korean replacement text in a Korean sentence, English in a Latin one, else the UI locale. */
function replacementText(replacement: Localized, match: RegExpExecArray, sentence: string, locale: 'ko' | 'en'): string {
  const lang = HANGUL.test(sentence) ? 'ko' : LATIN.test(sentence) ? 'en' : locale;
  return replacement[lang].replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
}

function matchPattern(
  cf: CompiledFact,
  p: CompiledPattern,
  block: Block,
  locale: 'ko' | 'en',
  out: ClaimFinding[],
): void {
  const { text } = block.input;
  for (const m of text.matchAll(p.re)) {
    const [start, end] = m.indices?.groups?.claim ?? [m.index, m.index + m[0].length];
    if (end <= start) continue;
    const range = block.sentence(start);
    if (!p.subject && !subjectMentioned(cf, block, range)) continue;
    const sentence = text.slice(range.start, range.end);
    if (!p.negated && isNegated(sentence)) continue;
    if (notesChange(sentence)) continue;
    if (isHistorical(sentence, cf.changedYear) || block.contextHistorical(cf.changedYear)) continue;
    if (out.some((f) => f.factId === cf.fact.id && f.start < end && f.end > start)) continue;
    const finding: ClaimFinding = { factId: cf.fact.id, start, end };
    if (p.replacement) finding.replacement = replacementText(p.replacement, m, sentence, locale);
    out.push(finding);
  }
}

/** Outdated claims in one block, in text order. */
export function findClaims(book: FactBook, input: ClaimInput, locale: 'ko' | 'en'): ClaimFinding[] {
  const block = new Block(input);
  const out: ClaimFinding[] = [];
  for (const cf of book.facts) {
    if (!cf.fact.keywords.some((k) => block.lower.includes(k))) continue;
    if (input.asOf !== undefined && cf.changedYear !== undefined && cf.changedYear > input.asOf) continue;
    if (excluded(cf, block)) continue;
    for (const p of cf.patterns) matchPattern(cf, p, block, locale, out);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
