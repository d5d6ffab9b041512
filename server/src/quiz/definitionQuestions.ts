// "What is SSE-S3?" from the note's own definition items of glossary terms (`SSE-S3`, `Dedicated
// Host (전용 호스트)`) or of one word about one (`MySQL 포트`): what else a note defines is too often
// a label, a step or a remark. The subject carries a breadcrumb where the term alone would ask the
// same as another question of the note with a different answer, or would not say which AWS thing
// it is about. Options, when there are enough, are the nearest definitions in the same section
// (list item or heading) of the answer's shape, unless a word of the term gives the answer away
// among them. Definitions that would make a poor card are left out too: a remark, an answer that
// says nothing, grades the thing, stops mid-sentence, restates or spells out the term, or only
// names other things.
import type { QuizItem } from '../protocol';
import type { Block } from '../parse/noteModel';
import type { TermMatch } from '../terms/termMatcher';
import { generatedCardId, normalizeKey } from './cardIds';
import { definitionOf, labelOf, type Definition } from './definitionItems';
import { anchored, contextChain, onScreen, parentItems, underAside, underIntegration, uniqueSubjects } from './breadcrumbs';
import { DISTRACTORS, multipleChoice, type Choices } from './distractors';
import { contentWords, givesAway, type Wording } from './giveaways';
import { alsoRight, sameShape } from './optionShape';
import { overlap } from './confusables';
import { unnamedService } from './knowledgeNames';
import type { NoteSource } from './noteSource';
import {
  describesScreen,
  expands,
  isCompleteAnswer,
  isExampleValue,
  claimsRootOnly,
  isNarration,
  isLowerBound,
  isQuantity,
  isRemark,
  isThin,
  listsNames,
  negatesNegative,
  misexpands,
  restates,
  withoutBrackets,
} from './answerQuality';
import { t } from '../l10n';

/** Blocks apart beyond which two definitions are not neighbours (flat notes have one huge section). */
const NEIGHBOURHOOD = 12;
const MAX_OPTION_CHARS = 100;
/** Words that name an aspect of the section rather than a term: `장점 : 가볍고 빠름` needs its heading. */
export const ASPECT =
  /^(?:장점|단점|특징|기능|공통점|차이점?|목적|용도|정의|예시?|참고|요약|정리|설명|사용\s*예|사용\s*사례|개념|주의\s*사항|pros|cons|advantages?|disadvantages?|purpose|use cases?|summary|description|examples?|features?)$/i;

export function definitionQuestions(note: NoteSource): QuizItem[] {
  const blockIndex = new Map(note.model.blocks.map((b, i) => [b, i]));
  const definitions = note.model.blocks.map((b) => definitionOf(note, b)).filter((d): d is Definition => !!d && worthAsking(note, d));
  const bySection = new Map<Block | undefined, Definition[]>();
  for (const d of definitions) {
    const section = note.sectionOf(d.block);
    bySection.set(section, [...(bySection.get(section) ?? []), d]);
  }
  const anchors = definitions.map((d) => anchorOf(note, d));
  const subjects = uniqueSubjects(
    note,
    // An item under another item (`배치 그룹` › `클러스터`) always names it; so does a word about a term (`버킷 크기`).
    definitions.map((d, n) => ({
      chain: anchors[n]?.chain ?? [d.term],
      answer: d.body,
      minDepth: Math.max(
        anchors[n]?.depth ?? 0,
        needsContext(note, d) || (d.block.parent && labelOf(note, d.block.parent)) ? 1 : 0,
        namedAbove(note, d, anchors[n]?.chain ?? []),
      ),
    })),
  );
  return definitions.flatMap((d, n) => {
    const subject = subjects[n];
    if (!subject || !anchors[n] || (needsContext(note, d) && subject === d.term)) {
      return [];
    }
    const id = generatedCardId('definition', note.uri, subject);
    const explanation = note.glossaryDefinition(d.term);
    const at = blockIndex.get(d.block)!;
    const distance = (s: Definition) => Math.abs(blockIndex.get(s.block)! - at);
    const section = note.sectionOf(d.block);
    const neighbours = bySection
      .get(section)!
      .filter(
        (s) =>
          normalizeKey(s.term) !== normalizeKey(d.term) &&
          distance(s) <= NEIGHBOURHOOD &&
          sameShape(d.body, s.body) &&
          !alsoRight(d.body, s.body) &&
          !overlapsWith(note, d, s) &&
          // A service is told apart from other services, not from its own features (`EBS` beside `암호화 : …`).
          (!note.isServiceName(d.term) || note.isServiceName(s.term)),
      )
      .sort((a, b) => distance(a) - distance(b))
      .slice(0, DISTRACTORS + 1);
    const question = {
      id,
      kind: 'definition' as const,
      prompt: t(note.locale, 'whatIs', subject),
      answer: d.body,
      ...(explanation ? { explanation } : {}),
      // Definitions that are each other's options are siblings.
      group: note.groupOf(section ?? d.block, section ? Math.floor(at / NEIGHBOURHOOD) + 1 : 0),
      ...fairChoices(note, id, d, neighbours),
    };
    return note.place(question, d.block, 0, d.block.text.length, `${subject}\n${d.body}`);
  });
}

/**
 * `전용 호스트` › `구매 옵션` › `온디맨드 : 활성화된 전용 호스트에 대해 초당 지불`: an answer that names
 * the part or concept a label above names is about that label's thing, and the question must show
 * it. (Naming the service a note is about says nothing of where in it the answer belongs.)
 */
function namedAbove(note: NoteSource, d: Definition, chain: readonly string[]): number {
  const start = bodyStart(d);
  const inAnswer = new Set(
    note
      .termsIn(d.block)
      .filter((m) => m.start >= start)
      .map((m) => note.glossary.entries[m.entry].id),
  );
  const labelled = chain.map((label, i) => {
    const entry = i > 0 ? note.glossaryEntryOf(label) : undefined;
    return entry && inAnswer.has(entry.id) && note.glossary.typeOf(entry.id) !== 'service' ? i : 0;
  });
  return Math.max(0, ...labelled);
}

/**
 * Options unless the prompt's words point at the answer among them (`트래픽 미러링` and the only
 * option saying `트래픽을`): then the question asks for free recall.
 */
function fairChoices(note: NoteSource, id: string, d: Definition, neighbours: readonly Definition[]): Choices | undefined {
  // Paragraphs as options are read, not recalled: long answers are asked without them.
  if (d.body.length > MAX_OPTION_CHARS) {
    return undefined;
  }
  const choices = multipleChoice(id, d.body, [neighbours.filter((s) => s.body.length <= MAX_OPTION_CHARS).map((s) => s.body)]);
  const others = neighbours.filter((s) => choices?.choices.includes(s.body) && s.body !== d.body).map((s) => bodyWording(note, s));
  const name = { text: d.term, entries: entriesIn(note, d, 0, d.term.length) };
  return choices && !givesAway(note.glossary, name, bodyWording(note, d), others) ? choices : undefined;
}

/**
 * `Dedicated Instances : no other customers will share your hardware` as an option of `Dedicated
 * Hosts`: what a note says of one of two things that share a defining trait may hold for both.
 */
function overlapsWith(note: NoteSource, d: Definition, other: Definition): boolean {
  const [a, b] = [note.glossaryEntryOf(d.term), note.glossaryEntryOf(other.term)];
  return !!a && !!b && overlap(a.id, b.id);
}

function bodyWording(note: NoteSource, d: Definition): Wording {
  const start = bodyStart(d);
  return { text: d.body, entries: entriesIn(note, d, start, start + d.body.length) };
}

function bodyStart(d: Definition): number {
  return d.block.display.lastIndexOf(d.body);
}

function entriesIn(note: NoteSource, d: Definition, start: number, end: number): number[] {
  return note
    .termsIn(d.block)
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => m.entry);
}

/**
 * The question's chain and how much of it to show, so that it says what AWS thing it is about. A
 * service names itself (`CloudFront`); anything else is asked under the nearest label above it
 * that names an AWS term (`Lambda › 최대 실행 시간`, `RDS 포트 › Oracle`: the term alone may not
 * say what the answer is about), else under the note's topic, else, written as a name (`EIP`),
 * alone. A general concept with neither is asked under its own label (`Private Cloud`); anything
 * else is left out.
 */
function anchorOf(note: NoteSource, d: Definition): { chain: string[]; depth: number } | undefined {
  const joined = JOINING.test(d.term) ? note.servicesIn(d.term) : new Set<number>();
  // `VPC 및 Network 보안` › `VPC integration` in a Lambda note: the joined service's label does not say whose the feature is.
  const placesIt = (label: string) => {
    const named = [...note.servicesIn(label)];
    return !named.length || named.some((e) => !joined.has(e));
  };
  const chain = [d.term, ...contextChain(note, d.block).filter((label) => normalizeKey(label) !== normalizeKey(d.term) && placesIt(label))];
  if (
    underAside(chain, d.block) ||
    onScreen(note, d.block) ||
    underIntegration(d.block) ||
    outsideComparison(chain) ||
    unwatchedLimit(note, d, chain) ||
    toolForSetting(d, chain) ||
    repeatsParent(note, d)
  ) {
    return undefined;
  }
  if (note.isServiceName(d.term)) {
    // `SQS vs. SWF` › `SQS : Message oriented API`: what the note says of one side is a contrast with the other.
    return { chain, depth: comparison(chain[1]) ? 1 : 0 };
  }
  const anchor = anchored(note, chain, 1);
  if (anchor) {
    return anchor;
  }
  if (/[A-Z0-9]/.test(d.term) && note.namesAwsTerm(d.term)) {
    // No label says which service a part (`Origin Request`) is of: the glossary does.
    const entry = note.glossaryEntryOf(d.term);
    const service = entry && unnamedService(note.glossary, entry, d.term);
    return service ? { chain: [d.term, service.shortName], depth: 1 } : { chain, depth: 0 };
  }
  return namesGlossaryTerm(note, d) && !note.namesAwsTerm(d.term) ? { chain, depth: Math.min(1, chain.length - 1) } : undefined;
}

/** `VPC integration`, `S3 연동`: a feature by which one service joins the one named. */
const JOINING = /\s(?:integration|연동|통합|access|액세스|support|지원)$/i;

/**
 * `Server-side encryption:` over `S3 Managed Keys: …`, `Server-side encryption: Here you manage the keys`:
 * an item named as the item it sits under is one of its kinds, named loosely, not the whole.
 */
function repeatsParent(note: NoteSource, d: Definition): boolean {
  const parent = d.block.parent && labelOf(note, d.block.parent);
  return !!parent && normalizeKey(parent) === normalizeKey(d.term);
}

/**
 * `Transit Gateway vs VPC Peering › DNS Resolution`: under a comparison, a point of difference says
 * how the compared things differ on it, not what it is; only the compared things themselves are asked.
 */
function outsideComparison([term, label]: readonly string[]): boolean {
  return comparison(label) && !normalizeKey(label).includes(normalizeKey(withoutBrackets(term)));
}

function comparison(label: string | undefined): boolean {
  return !!label && /\bv(?:s\.?|\/s)(?=\s)|↔/i.test(label);
}

function worthAsking(note: NoteSource, d: Definition): boolean {
  return (
    aboutGlossaryTerm(note, d) &&
    !isRemark(d.body) &&
    // `가격 정책 : 예시` heads what follows; it defines nothing.
    !ASPECT.test(d.body) &&
    !isNarration(d.body) &&
    !claimsRootOnly(d.body) &&
    !negatesNegative(d.body) &&
    !describesScreen(d.body) &&
    !isExampleValue(d.body) &&
    !isLowerBound(d.body) &&
    isCompleteAnswer(d.body) &&
    !restates(d.term, d.body) &&
    !expands(d.term, d.body) &&
    !misexpands(withoutBrackets(d.term), d.body) &&
    !onlyNames(note, d) &&
    !listsNames(d.body) &&
    !listsBeyondGlossary(note, d) &&
    !ofAnotherKind(note, d) &&
    !unnamedMeasure(note, d) &&
    !(namesGlossaryTerm(note, d) && isThin(d.body)) &&
    !aboutAnotherSubject(note, d)
  );
}

/** `AWS CLI`, `S3 콘솔`, `SDK`: an interface to AWS, named as one. */
const TOOL = /(?:^|\s)(?:CLI|콘솔|console|SDK|API)$/i;

/**
 * `URL 만료 › AWS CLI : --expires-in 으로 초 단위 설정`: a tool under a label that names a setting says
 * how that tool sets it, not what the tool is.
 */
function toolForSetting(d: Definition, [, label]: readonly string[]): boolean {
  return TOOL.test(withoutBrackets(d.term).trim()) && !!label && MEASURE.test(label);
}

/** Words that name a limit, which AWS raises over time. */
const LIMIT = /제한|한도|\blimits?\b|quota|대역폭|bandwidth|처리량|throughput/i;

/**
 * `Transit Gateway › 대역폭 제한 : 50 Gbps`: a limit as a bare number is asked only of a service whose
 * limits the fact book follows; elsewhere one that AWS has since raised would be drilled unchecked.
 */
function unwatchedLimit(note: NoteSource, d: Definition, chain: readonly string[]): boolean {
  if (!isQuantity(d.body) || !LIMIT.test(d.term)) {
    return false;
  }
  // The innermost label that names a service says whose limit it is (`Transit Gateway` in a VPC note).
  const owner = [...chain, note.topic ?? ''].map((label) => [...note.servicesIn(label)]).find((services) => services.length) ?? [];
  return !owner.some((e) => note.watched(note.glossary.entries[e].id));
}

/** What joins the names of an enumeration: `an S3 Bucket, an EC2 Instance, or Route53`, `EC2 인스턴스나 람다 함수`. */
const ENUMERATION_JOINERS = /^(?:[\s,/&·()]|and|or|an?|the|및|와|과|이나|나|또는)*$/i;
/** A joiner proper: names side by side with only a space between (`S3 콘솔`) are one phrase. */
const JOINER = /[,/&·]|\b(?:and|or)\b|및|와|과|나|또는/i;

/**
 * `Origin : … Origins can be an S3 Bucket, an EC2 Instance, an ELB, or Route53`: an answer that
 * enumerates AWS services, one of which neither the glossary's definition of the term nor its
 * relations name, may list one wrongly; the card would drill it.
 */
function listsBeyondGlossary(note: NoteSource, d: Definition): boolean {
  const { glossary } = note;
  const entry = note.glossaryEntryOf(d.term);
  const start = bodyStart(d);
  const named = note.termsIn(d.block).filter((m) => m.start >= start);
  const joined = (a: TermMatch | undefined, b: TermMatch | undefined) => {
    const gap = a && b ? d.block.display.slice(a.end, b.start) : '';
    return ENUMERATION_JOINERS.test(gap) && JOINER.test(gap);
  };
  const enumerated = named
    .filter((m, i) => joined(m, named[i + 1]) || joined(named[i - 1], m))
    .map((m) => glossary.entries[m.entry].id)
    .filter((id) => glossary.typeOf(id) === 'service');
  if (!entry || !enumerated.length) {
    return false;
  }
  const known = note.namedWith(entry);
  return enumerated.some((id) => !glossary.withBroader(id).some((whole) => known.has(whole)));
}

/** Of this many content words or fewer, an answer is a noun phrase whose last noun says what kind of thing the term is. */
const GENUS_ANSWER_WORDS = 8;

/**
 * `Instance Store : Amazon EC2 인스턴스 스토어가 지원하는 AMI`: a short answer that ends on another
 * AWS term, neither a whole the term is part of nor one of its kinds, says the term is another kind
 * of thing: the note defined something else under this name.
 */
function ofAnotherKind(note: NoteSource, d: Definition): boolean {
  const { glossary } = note;
  const entry = note.glossaryEntryOf(d.term);
  const body = d.body.replace(/[\s.。)）]+$/, '');
  const start = bodyStart(d);
  const terms = note.termsIn(d.block);
  const last = terms.at(-1);
  // Korean puts the head noun last; an English sentence ends on anything.
  if (
    !entry ||
    !last ||
    !/\p{Script=Hangul}/u.test(body) ||
    contentWords(body).length > GENUS_ANSWER_WORDS ||
    last.end - start < body.length
  ) {
    return false;
  }
  const genus = glossary.entries[last.entry].id;
  // `AWS Marketplace AMI : 다른 사용자가 만든 AMI`: a term that names its kind.
  const named = normalizeKey(d.term).includes(normalizeKey(d.block.display.slice(last.start, last.end)));
  return (
    !named &&
    glossary.typeOf(genus) !== 'concept' &&
    genus !== entry.id &&
    !glossary.withBroader(entry.id).includes(genus) &&
    !glossary.withBroader(genus).includes(entry.id)
  );
}

/** Words that name what a number measures: a port, a time, a size, a limit, a rate, a price. */
const MEASURE =
  /포트|\bports?\b|시간|\btimes?\b|기간|\bperiod|리텐션|retention|보존|크기|\bsizes?\b|용량|capacity|제한|한도|limit|quota|대역폭|bandwidth|timeout|\bSLA\b|내구성|durability|가용성|availability|주기|interval|처리량|throughput|속도|speed|비용|\bcosts?\b|price|요금|\bTTL\b|길이|length|retrieval|검색|지연|latency|IOPS|만료|expir/i;

/**
 * `Reserved Instances : 1 or 3 year term`, `io1 : every 1 minute`: a bare quantity says what a thing
 * is only when the term or the label right above it names what it measures (`MySQL 포트 › 3306`).
 */
function unnamedMeasure(note: NoteSource, d: Definition): boolean {
  const label = (d.block.parent && labelOf(note, d.block.parent)) ?? d.block.headings.at(-1)?.text ?? '';
  return isQuantity(d.body) && ((!MEASURE.test(d.term) && !MEASURE.test(label)) || generalValue(note, d, label));
}

/**
 * `Amazon ElastiCache › 중요한 포트 › SSH : 22`: a value of a general term (no part of any AWS service)
 * under a label that names nothing of AWS, and that no service above relates to, is general knowledge
 * filed under whatever heading the note had open (`Amazon RDS › 데이터베이스 포트 › MySQL : 3306` is RDS's).
 */
function generalValue(note: NoteSource, d: Definition, label: string): boolean {
  const { glossary } = note;
  const entry = note.glossaryEntryOf(d.term);
  if (!entry || glossary.withBroader(entry.id).some((id) => glossary.typeOf(id) === 'service') || note.namesAwsTerm(label)) {
    return false;
  }
  const above = [...d.block.headings, ...parentItems(d.block)];
  const related = new Set(glossary.related(entry.id).map((r) => r.target.id));
  return !above.some((b) => [...note.servicesIn(b.text)].some((e) => related.has(glossary.entries[e].id)));
}

/** `S3는 …`, `Client VPN 관리자는 …`: a Latin name or a person as the topic of the answer's first clause. */
const TOPIC = /^((?:\p{Script=Hangul}+\s)?(?:[A-Za-z0-9][\w-]*\s?){1,3}|(?:\S+\s){0,2}(?:유저|사용자|관리자|고객|개발자))(?:은|는)\s/u;

/**
 * `API Limit : S3는 5500/sec, …`, `Client VPN 엔드포인트 : Client VPN 관리자는 …을 생성합니다`: an
 * answer whose first clause is about something else says what that does, not what the term is.
 */
function aboutAnotherSubject(note: NoteSource, d: Definition): boolean {
  const topic = TOPIC.exec(d.body)?.[1].trim();
  if (!topic) {
    return false;
  }
  const [a, b] = [normalizeKey(topic), normalizeKey(withoutBrackets(d.term))];
  const entry = note.glossaryEntryOf(topic);
  return !a.includes(b) && !b.includes(a) && (!entry || entry !== note.glossaryEntryOf(d.term));
}

/** What may join the names of a list: `S3 & DynamoDB`, `KMS, CloudHSM`, `SNS 및 SQS`. */
const JOINERS = /^(?:[\s,&/·+.。()]|및|와|과|and|or|또는)*$/i;

/**
 * `동기식 : Amazon API Gateway`, `CLB : Connection Draining`, `Gateway Endpoint : S3 & DynamoDB`:
 * examples, features or another term named, not what the term is.
 */
function onlyNames(note: NoteSource, d: Definition): boolean {
  const start = bodyStart(d);
  let rest = '';
  let at = start;
  for (const m of note.termsIn(d.block).filter((t) => t.end > start)) {
    rest += d.block.display.slice(at, Math.max(at, m.start));
    at = Math.max(at, m.end);
  }
  rest += d.block.display.slice(at, start + d.body.length);
  // `Sort Key (Range Key) (범위 연산 가능)`: a remark in brackets leaves it a name.
  return rest.length < d.body.length && JOINERS.test(withoutBrackets(rest));
}

function namesGlossaryTerm(note: NoteSource, d: Definition): boolean {
  return !!note.glossaryEntryOf(d.term);
}

/**
 * `Lambda 계층`, `MySQL 포트`: a glossary term, or one word about one. Anything else a note
 * defines (`실행 시간 당 비용`, `stress 패키지 설치`, `retry mechanism`) is too often a label, a
 * step or a remark of the note to be asked as a definition.
 */
function aboutGlossaryTerm(note: NoteSource, d: Definition): boolean {
  const first = note.termsIn(d.block).find((m) => m.start === 0);
  const rest = first ? d.term.slice(first.end).trim() : undefined;
  return namesGlossaryTerm(note, d) || (!!rest && /^[\p{L}\p{N}]{2,}$/u.test(rest) && !ASPECT.test(rest) && !EMPLOYING.test(rest));
}

/**
 * `caching 활용`, `ALB 연결`, `cold start 최소화`: putting a term to use, setting it up or keeping
 * it down, whose answer is advice or a step, not what it is.
 */
const EMPLOYING = /^(?:활용|이용|적용|도입|연결|설정|생성|삭제|최소화|방지)$/;

/**
 * A word about a glossary term written in common nouns (`버킷 크기`) means nothing without the
 * heading or item it is noted under: such a question always names it.
 */
function needsContext(note: NoteSource, d: Definition): boolean {
  return !namesGlossaryTerm(note, d) && (!/[A-Z0-9]/.test(d.term) || /^[A-Z][a-z]+$/.test(d.term));
}
