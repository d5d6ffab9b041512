// Terms a note defines that the glossary does not know: the workspace's own vocabulary. Only
// defining shapes count — a definition item (`Foo : …`, `**Foo**: …`, `Foo - …`), a heading that
// is just a name pair or a capitalised English name, and an abbreviation introduced in prose
// (`Elastic Fabric Adapter (EFA)`) — never single common words.
import type { TermMatch } from '../terms/termMatcher';

export interface OwnTerm {
  start: number;
  end: number;
  /** The names it goes by: `탄력성(Elasticity)` gives two. */
  names: string[];
  /** What the note says it is (a definition item's text), or '' for a heading. */
  gist: string;
}

const MAX_GIST = 160;
const MAX_WORDS = 4;
/** Labels that notes put before a colon without defining anything. */
const GENERIC =
  /^(?:예시?|예제|참고|참조|주의|주의사항|결론|요약|정리|특징|장점|단점|정의|개념|목적|사용|사용법|방법|종류|비용|가격|요금|이유|문제|해결|해결책|답|정답|질문|출처|링크|결과|설명|내용|용도|사례|사용\s?사례|기타|비고|메모|팁|핵심|키워드|포인트|시나리오|기본값|기본|단위|범위|조건|제한|제약|한계|순서|과정|절차|구성|구성\s?요소|장애|원인|목표|배경|문제점|차이|차이점|공통점|비교|추천|권장|note|notes|tip|tips|important|example|examples|e\.?g|ex|answer|question|q|a|summary|reference|references|source|link|links|use\s?cases?|pros|cons|cost|price|pricing|benefits?|features?|limitations?|limits?|types?|default|exam\s?tips?|keywords?|scenario|why|what|how|when|where|result|description|purpose|todo|warning|caution|hint|step\s?\d*|option\s?\d*|case\s?\d*|사용\s?예시?|last\s?updated|updated|created|date|author|tags?|title|category|file|version)$/i;
/** A Korean predicate ending: the "term" is a sentence. */
const PREDICATE = /(?:다|요|음|함|됨|임|짐|냄|줌|봄|옴|니다|까|죠|\s(?:시|때|경우))$/;
/** A particle inside the name: it is a phrase of a sentence (`도메인은 …에서 등록`), not a name. */
const INNER_PARTICLE = /[가-힣](?:은|는|을|를|에서|으로|에게)\s/;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} &/+'-]*$/u;
/** One Korean word of two syllables or fewer, or one lower-case English word: too likely an everyday word. */
const TOO_PLAIN = /^(?:[가-힣]{1,2}|[a-z]+)$/;

function isName(s: string): boolean {
  const words = s.split(/\s+/);
  return (
    s.length >= 2 &&
    s.length <= 40 &&
    words.length <= MAX_WORDS &&
    NAME.test(s) &&
    /\p{L}/u.test(s) &&
    !/^\d/.test(s) &&
    !TOO_PLAIN.test(s) &&
    !GENERIC.test(s) &&
    !PREDICATE.test(s) &&
    !INNER_PARTICLE.test(s)
  );
}

/** A definition says something in words, not only a value, a path or a link. */
function isGist(s: string): boolean {
  return (s.match(/\p{L}{2,}/gu) ?? []).length >= 2 && !/^(?:\/|https?:|www\.)/.test(s);
}

function overlaps(matches: readonly TermMatch[], start: number, end: number): boolean {
  return matches.some((m) => m.start < end && start < m.end);
}

const ITEM = /^([\s*_]*)([^:：()（）*_|`[\]]+?)[*_]*\s*(?:[(（]([^()（）]{2,40})[)）])?[*_]*\s*(?::(?!:)|：|\s[-–—=]\s|\s?→)\s*(.*)$/;
/** A name and its aside fit in this many characters: a separator further on ends no name. */
const NAME_AREA = 100;

/** `Foo : what it is` at the start of an item, when the glossary knows no term in `Foo`. */
export function ownTermInItem(text: string, start: number, end: number, matches: readonly TermMatch[]): OwnTerm | undefined {
  // Most lines define nothing, or a glossary term: a cheap look for a separator near the start, with
  // no glossary term before it, spares the full pattern.
  const separator = separatorAt(text, start, Math.min(end, start + NAME_AREA));
  if (separator < 0 || matches.some((m) => m.start < separator)) {
    return undefined;
  }
  const m = ITEM.exec(text.slice(start, end));
  if (!m) {
    return undefined;
  }
  const name = m[2].trim();
  const from = start + m[1].length;
  const gist = m[4].replace(/[*_`]+/g, '').trim();
  if (!isName(name) || !isGist(gist) || overlaps(matches, from, from + name.length)) {
    return undefined;
  }
  const alt = m[3]?.trim();
  const names = alt && isName(alt) && !overlaps(matches, start, end - m[4].length) ? [name, alt] : [name];
  // A Korean-only label before a colon is nearly always a heading of the point (`비용 절감 : …`), not a
  // term; a name in Latin script, or a Korean name with its English one beside it, is a term.
  if (names.length === 1 && !/[A-Za-z]/.test(name)) {
    return undefined;
  }
  return { start: from, end: from + name.length, names, gist: gist.slice(0, MAX_GIST) };
}

/** The first `:`, `：`, `→`, or dash or `=` between spaces, in `text[from, to)`; -1 if none. */
function separatorAt(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 0xff1a || c === 0x2192) {
      return i;
    }
    if ((c === 45 || c === 0x2013 || c === 0x2014 || c === 61) && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) {
      return i;
    }
  }
  return -1;
}

const PAIR = /^([^()（）]+?)\s*[(（]([^()（）]+)[)）]$/;
const NUMBERING = /^(?:\d+(?:[-.]\d+)*[.)]?|[IVXivx]+\.|[가-하][.)])\s+/;

/** A heading that names something the glossary lacks: `탄력성(Elasticity)`, `Elastic Fabric Adapter`. */
export function ownTermInHeading(text: string, start: number, end: number, matches: readonly TermMatch[]): OwnTerm | undefined {
  if (matches.length) {
    return undefined;
  }
  const raw = text.slice(start, end);
  const numbering = NUMBERING.exec(raw)?.[0].length ?? 0;
  const heading = raw
    .slice(numbering)
    .replace(/[*_`]+/g, '')
    .trim();
  const from = start + numbering + raw.slice(numbering).indexOf(heading.slice(0, 1));
  const pair = PAIR.exec(heading);
  if (pair && isName(pair[1].trim()) && isName(pair[2].trim())) {
    return { start: from, end: from + heading.length, names: [pair[1].trim(), pair[2].trim()], gist: '' };
  }
  if (/^[A-Z][A-Za-z0-9]*(?:[ -][A-Z][A-Za-z0-9]*){1,3}$/.test(heading) && isName(heading)) {
    return { start: from, end: from + heading.length, names: [heading], gist: '' };
  }
  return undefined;
}

const ABBREVIATION = /((?:[A-Z][a-z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,}|of|and|for|to)){1,5})\s*[(（]([A-Z][A-Za-z0-9]{1,5})[)）]/g;

/** `Elastic Fabric Adapter (EFA)` in prose: an abbreviation whose letters are the name's initials. */
export function abbreviationsIn(text: string, start: number, end: number, matches: readonly TermMatch[]): OwnTerm[] {
  const found: OwnTerm[] = [];
  const line = text.slice(start, end);
  if (!line.includes('(') && !line.includes('（')) {
    return found;
  }
  ABBREVIATION.lastIndex = 0;
  for (let m = ABBREVIATION.exec(line); m; m = ABBREVIATION.exec(line)) {
    const abbr = m[2].replace(/s$/, '');
    const words = m[1].split(/[ -]/).filter((w) => !/^(?:of|and|for|to)$/.test(w));
    // The name is the last words whose initials spell the abbreviation.
    const tail = words.slice(-abbr.length);
    if (tail.length !== abbr.length || tail.map((w) => w[0]).join('') !== abbr.toUpperCase()) {
      continue;
    }
    const nameStart = start + m.index + m[1].lastIndexOf(tail[0]);
    const nameEnd = start + m.index + m[1].length;
    if (overlaps(matches, nameStart, start + m.index + m[0].length)) {
      continue;
    }
    found.push({ start: nameStart, end: nameEnd, names: [text.slice(nameStart, nameEnd), m[2]], gist: '' });
  }
  return found;
}
