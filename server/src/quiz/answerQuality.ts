// What makes note text unfit to be a question or an answer: working remarks (`TODO`, `정리 필요`,
// `나중에 정리`, not a `나중에` that says when something happens), walkthrough narration, answers that
// say nothing, stop in the middle of a sentence or only restate the question.
import { contentWords } from './giveaways';
import { firstSentence } from './sentences';

const REMARK =
  /\b(?:TODO|FIXME|TBD|WIP|XXX)\b|\bI(?:\s+(?:was|am|have|had|will|did|think|guess|tried)|'(?:m|ve|ll|d))\b|\b(?:read|learn)\s+more\b|\bclick\s+here\b|추가\s*예정|정리\s*(?:필요|예정|중)|작성\s*(?:중|예정)|나중에\s*(?:다시\s*)?(?:정리|추가|작성|공부|확인|보기|볼\s*것)|확인\s*필요|공부\s*(?:필요|예정)|\((?:예정|미정)\)|\s예정$/i;
/** An answer ending in a connective, a particle that wants its noun, an open bracket or a list mark continues elsewhere. */
const UNFINISHED =
  /(?:[,([{/:;→\-–—+&·]|\b(?:and|or|the|of|to|with|for|in|on|by|a|an|is|are|e\.g\.)|(?<=\p{Script=Hangul})(?:및|또는|혹은|그리고|하고|하며|이며|되며|으며|지만|는데|므로|해서|하여|면서|에서|으로|를|을|인지|는지|할지|을지))$/iu;
/** Answers that only state a purpose in a word (`관리를 목적으로 함`, `보안을 위함`): they say nothing. */
const VACUOUS = /^\S+\s*(?:목적으로\s*(?:함|한다|사용)|위함|위한\s*것|위해\s*사용)\.?$/;
/** Answers that only point elsewhere. */
const POINTER = /^(?:위|아래|상동|다음|above|below|see\s+(?:above|below)|ibid)(?:\s*(?:참고|참조|와\s*같음|과\s*같음))?\.?$/i;

/** `이외의 …`, `these are …`, `the rest`: an answer that starts from what the lines around it said. */
const CONTINUES =
  /^(?:이외의?|그\s*외의?|나머지|위의|위와|앞의|앞서|상기|these|those|the\s+same|same\s+as|the\s+rest|all\s+others?|others)(?![\p{L}\p{N}])/iu;
/** `… 이 동작이 적용되지 않는다`, `this behavior does not apply`: a first sentence about what the lines around it said. */
const REFERS_BACK =
  /(?:^|\s)(?:이|그|위의?|앞의)\s+(?:동작|기능|방식|경우|설정|옵션|규칙)|\bth(?:is|ese|at)\s+(?:behaviou?r|feature|option|setting|rule|case)s?\b/i;
/** `not recommended for EBS`, `덜 일반적인 권한 설정`, `비추천`: a grade of the thing, not what it is. */
const GRADE =
  /^(?:not\s+)?(?:recommended|advised|preferred)\b|^(?:less|more|most|least)\s+(?:common|used|popular)\b|^(?:덜|더|가장)\s*(?:일반적|많이\s*쓰|자주\s*쓰)|(?:권장|추천)(?:하지\s*않음|되지\s*않음|\s*안\s*함)?\.?$|^비추천/iu;
/** `리소스를 어디에 배포해야 합니까?`, `if this becomes 0, …`: a question or a condition, not what a thing is. */
const QUESTION = /[?？]$|^(?:if|when|만약)\b/i;
/** `Use cases: log aggregation, …`, `장점: …`: an answer that opens on an aspect of the thing, not what it is. */
const ASPECT_LABEL = /^(?:use\s*cases?|examples?|e\.g\.|benefits?|pros|cons|advantages?|사용\s*사례|예시?|장점|단점|이점)\s*[:：]/i;
/**
 * `컴퓨팅 집약적 애플리케이션에 이상적입니다`, `다양한 워크로드에 적합`: a first sentence of one clause that
 * closes on what the thing suits, a use case, not what it is (`… 워크로드에 적합한 HDD 볼륨` is one, and so
 * is `임시 블록 스토리지로, … 적합`).
 */
const SUITS = /(?:적합|이상적|알맞)(?:하다|합니다|함|이다|입니다)?[.。]?(?:\s*[(（][^()（）]*[)）])?$/u;
/** `must be private IPs`, `반드시 HTTPS 사용`, `EBS여야 하며 …`: a condition on the thing, not what it is. */
const CONDITION =
  /^(?:must|should|needs?\s+to|ha(?:s|ve)\s+to|반드시|꼭)(?![\p{L}])|^\S+(?:\s\S+){0,2}?(?:여|어|아|해)야\s*(?:하며|하고|함|한다|합니다)/iu;
/**
 * `인터넷 연결을 하려면 만들어야 합니다`, `"Enable DNS hostnames" must be true`: a first sentence of one
 * clause that closes on what has to be done or hold, a step or a requirement, not what the thing is
 * (`사용자가 관리하는 암호화, 반드시 HTTPS를 써야 함` says what it is first).
 */
const OBLIGATION =
  /(?:여|어|아|해|돼|되어|와|워)야\s*(?:한다|합니다|함)[.。]?$|^(?:(?!\b(?:which|that|what|who)\b).)*\b(?:must|should)\s+(?:be|have|not)\b/iu;
/**
 * `Alarm -> EventBridge -> Lambda`, `example.com → 54.55.56.57`, `2xx, 3xx → 통과`: a flow or a mapping
 * of one example setup or of a few values, not what the thing is.
 */
const FLOW = /(?:->|→|=>)[^]*(?:->|→|=>)|^(?:[^\s\p{Script=Hangul}]+[\s,/]*){1,3}(?:->|→|=>)\s/u;
/** `일종의 직업`, `마치 아파트 관리인 같은`: the note's analogy, not what the thing is. */
const ANALOGY = /^일종의(?:\s+\S+){1,2}$|비유|마치|\banalogy\b|\bthink\s+of\s+it\s+as\b/i;
/** `인스턴스의 상태를 알 수 있다`, `로드밸런서의 갯수를 표시한다`: what a console screen shows, not what a thing is. */
const SHOWS = /(?:알|확인\s*할|확인|볼)\s*수\s*있(?:다|습니다)|표시(?:한다|합니다|됩니다)|보여(?:준다|줍니다)/;

export function describesScreen(text: string): boolean {
  return SHOWS.test(text);
}

/**
 * `Root 유저만 설정 가능한 …`, `only the root user can …`: few tasks need the root user, and a note that
 * says a setting does is far more often wrong than right; such a line is not drilled.
 */
const ROOT_ONLY = /(?:root|루트)\s*(?:유저|사용자|계정|user|account)?\s*만|\bonly\s+(?:the\s+)?root\b/i;

export function claimsRootOnly(text: string): boolean {
  return ROOT_ONLY.test(text);
}

/**
 * `비전이적(transitive)이지 않습니다`: a negative word negated again reads as its opposite; the note
 * garbled what it meant, and the card would teach either reading.
 */
const DOUBLE_NEGATIVE = /(?:^|\s)(?:비|불|무)\p{Script=Hangul}+(?:\s*[(（][^)）]*[)）])?\s*(?:이|하)지\s*(?:않|아니)/u;

export function negatesNegative(text: string): boolean {
  return DOUBLE_NEGATIVE.test(text);
}

/** A walkthrough in the past tense (`elb-demo로 설정했다.`): what the author did, not what a thing is. */
const NARRATION = /(?:했|였|었|았)다\.?$/;

export function isNarration(text: string): boolean {
  return NARRATION.test(text.trim());
}

/**
 * `GET /beach.jpg HTTP/1.1 …`, a URL, a file name, an IP address or a host name: an example from
 * the note, not what a thing is.
 */
const EXAMPLE_VALUE =
  /^(?:(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+\/|(?:https?:\/\/\S+|[\w./-]+\.(?:jpe?g|png|gif|svg|html?|json|ya?ml|txt|csv|py|js|ts))$|(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io)(?![\w.-]))/i;

export function isExampleValue(text: string): boolean {
  return EXAMPLE_VALUE.test(text.trim());
}

/** A capitalised name of up to six words (`AWS KMS`, `C++`, `iPhone SDK`, `Reserved (Standard + Convertible)`) or one Latin word (`com`). */
const NAME = /^(?:(?:[A-Z0-9]|[a-z]+[A-Z])[\w.:@/+#-]*(?:\s+[\w.:@/()+-]+){0,5}|[a-z][\w.-]*)$/;

/**
 * `AWS KMS, AWS CloudHSM`, `ObjectCreated, ObjectRemoved, …`, `HTTP, HTTPS, TCP 지원`: a list of
 * names, the term's examples or parts rather than what it is.
 */
export function listsNames(text: string): boolean {
  const parts = text
    .trim()
    .replace(/\s*(?:\.{2,}|…|등|etc\.?|지원|사용|가능)$/, '')
    .split(/\s*,\s*/);
  return parts.length >= 2 && parts.every((p) => NAME.test(p));
}

/**
 * Words below which an answer without a number is one property (`unlimited throughput`, `long
 * workloads`, `알바생`), not what a term is. A Korean word carries its particles: two say more.
 */
const MIN_DEFINITION_WORDS = { latin: 3, hangul: 2 };

export function isThin(text: string): boolean {
  const words = text.trim().split(/\s+/).length;
  return !/\d/.test(text) && words < MIN_DEFINITION_WORDS[/\p{Script=Hangul}/u.test(text) ? 'hangul' : 'latin'];
}

/** Words that only qualify a quantity (`every 1 minute`, `1 or 3 year term`, `기본 4일, 14일까지`). */
const QUANTIFIERS = /^(?:every|per|minimum|maximum|min|max|term|최대|최소|기본|이상|이하|까지|부터|또는|마다)$/;

/** `1KB`, `every 1 minute`, `50 Gbps`: numbers with their units and nothing else. */
export function isQuantity(text: string): boolean {
  const rest = text.replace(/\d[\d.,]*\s*(?:[a-z]+|\p{Script=Hangul}+)?/giu, ' ');
  return /\d/.test(text) && contentWords(rest).every((w) => QUANTIFIERS.test(w));
}

/** `minimum 1MB`, `최소 1분`: where a range starts, not the range the question asks for. */
export function isLowerBound(text: string): boolean {
  return isQuantity(text) && /^(?:최소|min(?:imum)?\.?|at\s+least)\s/i.test(text.trim()) && !/최대|max|까지|[~–-]\s*\d/i.test(text);
}

export function isRemark(text: string): boolean {
  return REMARK.test(text);
}

function onlySuits(sentence: string): boolean {
  return SUITS.test(sentence) && !/[,，;]|[며고]\s|\.\s/.test(withoutBrackets(sentence));
}

function obliges(sentence: string): boolean {
  return OBLIGATION.test(sentence) && !/[,，;]|며\s/.test(sentence);
}

export function isCompleteAnswer(text: string): boolean {
  const body = text.trim();
  const letters = body.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return (
    letters >= 2 &&
    !UNFINISHED.test(body) &&
    !POINTER.test(body) &&
    !CONTINUES.test(body) &&
    !REFERS_BACK.test(firstSentence(body)) &&
    !VACUOUS.test(body) &&
    !GRADE.test(body) &&
    !ANALOGY.test(body) &&
    !FLOW.test(body) &&
    !QUESTION.test(body) &&
    !CONDITION.test(body) &&
    !obliges(firstSentence(body)) &&
    !onlySuits(firstSentence(body)) &&
    !ASPECT_LABEL.test(body) &&
    balanced(body)
  );
}

/**
 * The text without what it says in brackets: a term's translation or expansion (`st1 (HDD)`, no word
 * of the term's own), a value's qualifier (`가능 (계정 ID로)`).
 */
export function withoutBrackets(text: string): string {
  return text.replace(/\s*[(（][^()（）]*[)）]/g, '');
}

/** Brackets close in order (a term or answer cut through a parenthesis is a fragment). */
export function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += '(（[{'.includes(c) ? 1 : ')）]}'.includes(c) ? -1 : 0;
    if (depth < 0) {
      return false;
    }
  }
  return depth === 0;
}

/** Of this many content words or fewer, an answer that shares half of them with the term says nothing new. */
const SHORT_ANSWER_WORDS = 8;
const TERSE_ANSWER_WORDS = 3;
/** Latin words share a stem when they share this many first letters (`encrypt`, `encryption`). */
const STEM_LETTERS = 5;
const VENDOR = /^(?:amazon|aws)$/;

/**
 * An answer made largely of the term's own words (`S3 Managed Keys` → `Keys are managed by S3`,
 * `Encryption` → `encrypt objects using encryption keys`): the card asks nothing.
 */
export function restates(term: string, answer: string): boolean {
  const stem = (w: string) => (/^[a-z]/.test(w) ? w.slice(0, STEM_LETTERS) : w);
  const termStems = new Set(contentWords(withoutBrackets(term)).map(stem));
  // The vendor's name says nothing of what a thing is.
  const words = [
    ...new Set(
      contentWords(answer)
        .filter((w) => !VENDOR.test(w))
        .map(stem),
    ),
  ];
  const echoed = words.filter((w) => [...termStems].some((t) => w.startsWith(t) || t.startsWith(w))).length;
  // Three words and no number say little enough that one of the term's own (`Applied at bucket level`) leaves nothing to learn.
  const share = words.length <= TERSE_ANSWER_WORDS && !/\d/.test(answer) ? words.length : 2;
  return (
    (termStems.size > 0 && words.length > 0 && words.length <= SHORT_ANSWER_WORDS && echoed * share >= words.length) ||
    endsInTermNoun(term, answer)
  );
}

/** A Korean answer that closes on what the thing does (`지원합니다`, `제한 가능`), not on what it is (`… 기간`). */
const PREDICATE = /(?:니다|[하된한]다|함|됨|가능)[.。]?$/;

/**
 * `데이터 암호화` → `… 암호화를 지원합니다`, `metric 수집` → `… 지표를 수집합니다`: a Korean answer whose
 * closing predicate is the term's own head noun says that the thing does what it is called; one
 * that closes on it as its genus (`보존 기간` → `… 남겨 두는 기간`) is a definition.
 */
function endsInTermNoun(term: string, answer: string): boolean {
  const head = withoutBrackets(term).trim().split(/\s+/).at(-1);
  const closing = (answer.trim().match(/[\p{Script=Hangul}]+/gu) ?? []).slice(-2);
  return (
    !!head &&
    /^\p{Script=Hangul}{2,}$/u.test(head) &&
    contentWords(answer).length <= SHORT_ANSWER_WORDS &&
    PREDICATE.test(answer.trim()) &&
    closing.some((w) => w.startsWith(head))
  );
}

const ACRONYM = /^[A-Z]{2,6}$/;
const MINOR_WORDS = /^(?:of|and|for|the|a|an|to|in|on)$/i;

/** `AMI` → `Amazon Machine Image`, `FIFO` → `First In First Out`: the answer only spells the acronym out. */
export function expands(term: string, answer: string): boolean {
  if (!ACRONYM.test(term.trim())) {
    return false;
  }
  // `First In First Out (ordering of messages)`: the expansion is the words before any bracket.
  const all = answer.replace(/[(（].*$/, '').match(/[A-Za-z][\w-]*/g) ?? [];
  const spells = (words: string[]) => words.map((w) => w[0].toUpperCase()).join('') === term.trim();
  return spells(all) || spells(all.filter((w) => !MINOR_WORDS.test(w)));
}

/**
 * `ENA : Enhanced Networking. Uses SR-IOV …`: an answer that opens by spelling the acronym out as
 * capitalised words whose initials do not spell it (`Elastic MapReduce` spells EMR) confuses it with another.
 */
export function misexpands(term: string, answer: string): boolean {
  const acronym = term.trim();
  const opening = /^(?:[A-Z][\w-]*\s+(?:(?:of|and|for|the|to|in|on)\s+)*)+[A-Z][\w-]*(?=$|[\s.,;:(（])/.exec(answer.trim())?.[0];
  if (!ACRONYM.test(acronym) || !opening) {
    return false;
  }
  const initials = opening
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .split(/\s+/)
    .filter((w) => !MINOR_WORDS.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
  return initials[0] === acronym[0] && initials !== acronym;
}
