// Sentence splitting and the negation / historical markers that cancel a claim.

export interface Range {
  start: number;
  end: number;
}

/**
 * Sentence ends: . ! ? 。 before white space or the end (so 1.25 and v2.1 stay whole), ; | and
 * line breaks. Table cells are separate blocks already, but a row passed whole splits at `|`.
 */
const SENTENCE_END = /[.!?。](?=\s|$)|[;|\n]/gu;

export function splitSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length || out.length === 0) out.push({ start, end: text.length });
  return out;
}

export function sentenceAt(sentences: readonly Range[], offset: number): Range {
  return sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences[sentences.length - 1];
}

// Korean syllables are precomposed: 아니 does not occur in 아님 or 아닌, so each form is listed.
const NEGATION =
  /아니|아닌|아님|아냐|않|없|더\s?이상|\bnot\b|n't\b|\bno longer\b|\bno more\b|\bnever\b|\bisn’t\b|\bdoesn’t\b/iu;
/** A lone capital X (`루트 사용자 사용 X`), not X-Ray, X1 or Xen; case-sensitive. */
const NEGATION_MARK = /(?<![A-Za-z0-9])X(?![A-Za-z0-9-])|[✗✘❌]/u;

export function isNegated(sentence: string): boolean {
  return NEGATION.test(sentence) || NEGATION_MARK.test(sentence);
}

const HISTORICAL =
  /이전에는|이전엔|예전|과거|옛날|원래는|당시|였다|였음|었다|었음|였으나|었으나|였지만|었지만|\bused to\b|\bformerly\b|\bpreviously\b|\boriginally\b|\bprior to\b|\bwas\b|\bwere\b|\bold\b|\blegacy\b/iu;

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** A year stated as a time frame: 2019년, (2019), 2019 기준, in/as of/until/before 2019, Dec 2019. */
const YEAR = new RegExp(
  String.raw`(?<!\d)((?:19|20)\d\d)(?=\s*년|\s*기준|\s*\))|(?:\b(?:in|as of|until|till|before|by)\s+(?:${MONTH}\s+)?|\b${MONTH}\s+|\()((?:19|20)\d\d)(?!\d)`,
  'giu',
);

/** True when the text places the statement in the past, or in a year before `changedYear`. */
export function isHistorical(text: string, changedYear: number | undefined): boolean {
  if (HISTORICAL.test(text)) return true;
  if (changedYear === undefined) return false;
  for (const m of text.matchAll(YEAR)) {
    if (Number(m[1] ?? m[2]) < changedYear) return true;
  }
  return false;
}
