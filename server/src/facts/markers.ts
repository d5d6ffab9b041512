// Sentence splitting and the negation / historical markers that cancel a claim.

export interface Range {
  start: number;
  end: number;
}

/**
 * Sentence ends: . ! ? 。 before white space or the end (so 1.25 and v2.1 stay whole), ; | and
 * line breaks (`\n`, `\r\n` or a lone `\r`). Table cells are separate blocks already, but a row
 * passed whole splits at `|`.
 */
const SENTENCE_END = /[.!?。](?=\s|$)|[;|\n]|\r\n?/gu;

export function splitSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start) {
      out.push({ start, end });
    }
    start = end;
  }
  if (start < text.length || out.length === 0) {
    out.push({ start, end: text.length });
  }
  return out;
}

export function sentenceAt(sentences: readonly Range[], offset: number): Range {
  return sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences[sentences.length - 1];
}

// Korean syllables are precomposed: 아니 does not occur in 아님 or 아닌, so each form is listed.
const NEGATION =
  /아니|아닌|아님|아냐|않|없(?!이)|못\s?(?:하|함|한|합|해|했)|더\s?이상|\bnot\b|n't\b|\bno longer\b|\bno more\b|\bnever\b|\bisn’t\b|\bdoesn’t\b/iu;
/** A lone capital X (`루트 사용자 사용 X`), not X-Ray, X1 or Xen; case-sensitive. */
const NEGATION_MARK = /(?<![A-Za-z0-9])X(?![A-Za-z0-9-])|[✗✘❌]/u;

/** Where a sentence's clauses meet: a comma, a dash, a conjunction or a Korean connective ending. */
const CLAUSE_END = /[,，]\s|\s[-–—]\s|\s(?:but|so|however)\s|(?:지만|는데|으면|면서)[\s,]/giu;

/**
 * Whether the claim at `at` is negated: by its own clause or a later one (Korean negates at the end
 * of the sentence), not by an earlier one, which is about something else (`if you don't want
 * interruptions, use Spot Block`).
 */
export function isClauseNegated(sentence: string, at: number): boolean {
  let clauseStart = 0;
  for (const m of sentence.matchAll(CLAUSE_END)) {
    const end = m.index + m[0].length;
    if (end > at) {
      break;
    }
    clauseStart = end;
  }
  return isNegated(sentence.slice(clauseStart));
}

/** `불가` right after the claim says the claim itself is not possible (`Multi-Master 불가`), not a property of it (`정책은 변경 불가`). */
const NOT_POSSIBLE_AFTER = /^\s*(?:은|는|이|가|도)?\s*(?:사용\s*|지원\s*)?불가/u;

export function isNotPossibleAfter(rest: string): boolean {
  return NOT_POSSIBLE_AFTER.test(rest);
}

export function isNegated(sentence: string): boolean {
  return NEGATION.test(sentence) || NEGATION_MARK.test(sentence);
}

const HISTORICAL =
  /이전에는|이전엔|예전(?:에는|엔|에)|과거(?:에는|엔|에)|\(과거|옛날(?:에는|엔|에)|원래는|당시|였다|였음|었다|었음|였던|었던|였으나|었으나|였지만|었지만|\bused to\b|\bformerly\b|\bpreviously\b|\boriginally\b|\bprior to\b|\bwas\b|\bwere\b/iu;

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const Y = String.raw`((?:19|20)\d\d)(?!\d)`;
/** A year stated as a time frame: 2019년, (2019), 2019 기준, in/as of/by 2019, Dec 2019. */
const YEAR = new RegExp(
  String.raw`(?<!\d)${Y}(?=\s*년|\s*기준|\s*\))|(?:\b(?:in|as of|by)\s+(?:${MONTH}\s+)?|\b${MONTH}\s+|\()${Y}`,
  'giu',
);
/** An end point: before/until 2020, 2020년 이전/까지 — historical even for the change year itself. */
const UNTIL_YEAR = new RegExp(
  String.raw`\b(?:before|until|till|prior to)\s+(?:${MONTH}\s+)?${Y}|(?<!\d)${Y}\s*년?\s*(?:\d{1,2}\s*월\s*)?(?:이전|전까지|까지|전에)`,
  'giu',
);

/** The sentence already says the thing changed (renamed, retired, closed to new customers). */
const CHANGE_NOTED =
  /단종|레거시|legacy|서비스\s*종료|지원\s*종료|종료됨|중단됨|EOL\b|end[- ]of[- ](?:life|support)|discontinu|retire|deprecat|renamed|rebrand|이름(?:이|을)?\s*(?:변경|바뀜|바꿈)|명칭\s*변경|개명|후속|successor|now\s*(?:called|named|part of|known as)|replaced\s*by|(?:로|으로)\s*(?:대체|바뀜|변경됨)|신규\s*(?:고객|가입)|new\s*customers/iu;

export function notesChange(sentence: string): boolean {
  return CHANGE_NOTED.test(sentence);
}

/** True when the text places the statement in the past, or in a year before `changedYear`. */
export function isHistorical(text: string, changedYear: number | undefined): boolean {
  if (HISTORICAL.test(text)) {
    return true;
  }
  if (changedYear === undefined) {
    return false;
  }
  for (const m of text.matchAll(YEAR)) {
    if (Number(m[1] ?? m[2]) < changedYear) {
      return true;
    }
  }
  for (const m of text.matchAll(UNTIL_YEAR)) {
    if (Number(m[1] ?? m[2]) <= changedYear) {
      return true;
    }
  }
  return false;
}
