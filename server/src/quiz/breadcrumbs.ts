// Subjects of generated questions that are unique in their note. A flat note asks about
// `Elasticity` under RDS, EC2 and DynamoDB: each subject grows a breadcrumb (`RDS › Elasticity`)
// from its enclosing items and headings, innermost first, until no two questions with different
// answers read the same. Questions that still collide are dropped: one prompt, one answer.
import type { Block } from '../parse/noteModel';
import { normalizeKey } from './cardIds';
import { labelOf } from './definitionItems';
import type { NoteSource } from './noteSource';
import { t } from '../l10n';

export interface Subject {
  /** The term itself, then the labels of its context, innermost first. */
  chain: string[];
  answer: string;
  /** Context labels it needs in any case (`장점` says nothing without its heading). */
  minDepth: number;
}

/** A parent item that is a remark (`요청을 변경하는 데 사용됨`) names no context. */
const SENTENCE = /(?:[함음임됨짐]|니다|다)\.?$/;
/** `Key features include`, `we have 3 retrieval options`: a clause that leads into a list, skipped for the label above it. */
const LEAD_IN = /^(?:you|we|they|it|there|this|these)\s|\s(?:include|includes|are|is)$/i;
/** `1. What is AWS Organizations?`, `라우팅 정책이란?`: a heading that asks what a thing is names that thing. */
const WHAT_IS = /^(?:\d+[.)]\s*)?(?:what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)|(.+?)\s*(?:\(이\)|이)?란(?:\s*무엇인가요?)?)\s*[?？]$/i;
/** Context labels that say nothing about where a term belongs (`예`, `정리`): left out of a breadcrumb. */
const FILLER = /^(?:예|예시|참고|정리|요약|메모|노트|기타|examples?|e\.g\.?|notes?|summary|misc|etc\.?|others?)$/i;

/** The list items a block is nested in, innermost first. */
export function parentItems(block: Block): Block[] {
  const items: Block[] = [];
  for (let item = block.parent; item; item = item.parent) {
    items.push(item);
  }
  return items;
}

/**
 * The labels around a block, innermost first: the items it is nested in, then its headings. The chain stops
 * at a level too long to name: skipping it would name the wrong context (`S3 › 사용 사례` for the
 * use case of one storage class listed under S3).
 */
export function contextChain(note: NoteSource, block: Block, self?: Block): string[] {
  const around = [...parentItems(block), ...[...block.headings].reverse()].filter((b) => b !== self);
  const labels: string[] = [];
  for (const b of around) {
    const text = labelOf(note, b);
    const asked = text && WHAT_IS.exec(text);
    const label = asked ? (asked[1] ?? asked[2]) : text;
    if (!label || SENTENCE.test(label)) {
      break;
    }
    if (!FILLER.test(label) && !LEAD_IN.test(label) && !labels.includes(label)) {
      labels.push(label);
    }
  }
  return labels;
}

/**
 * `Hands-on`, `실습`, `Lab 3`, a console path (`EC2 대시보드 > 인스턴스 생성 클릭`), a step (`서브넷 선택`,
 * `4) VPC-A 설정`), a how-to (`스냅샷 복원하기`), a situation (`함수 실행이 너무 오래 걸린다면`,
 * `SSL을 강제하려면`, `타 서비스에 의해 시작`), scenarios, use cases, benefits (`EBS 이점`), pricing
 * (`EBS의 요금`), behaviour by case (`스로틀링`, `Retries`), everyday things set equal to AWS ones
 * (`나라, IDC = 리전, 가용영역`), examples, analogies: what is noted under such a label is steps, settings, cases, prices
 * or what to do, not what things are.
 */
const ASIDE =
  /^(?:hands[- ]?on|실습|labs?|demo|데모|따라\s*하기|walk-?through|tutorial|튜토리얼)(?:\s*\d+)?(?![\p{L}\p{N}])|클릭|\bclick\b|(?:선택|입력)$|\s>\s|^(?:\d+[.)]|step\s*\d+|\d+\s*단계)\s.*(?:설정|생성|추가|만들기|구성하기|배포하기|실행하기|연결하기)$|(?:만들기|하기)$|(?:다면|라면|려면)[?？]?$|(?:^|\s)(?:scenarios?|시나리오|예시|예제|examples?|비유|analog(?:y|ies))$|사용\s*사례|활용\s*(?:사례|분야)|\buse\s*cases?\b|에\s*의해|(?:^|\s)(?:이점|장점|benefits?|advantages?|pros)$|요금|비용\s*요소|\bpricing\b|스로틀링|\bthrottl|^(?:재시도|retr(?:y|ies))$|\s=\s/iu;
/**
 * `AMI 생성 방법` right above `EBS : 스냅샷으로 만든다`: ways of doing something, whose items say how.
 * Only the label right above counts: a chapter titled `민첩성 확보 방법` still defines its terms.
 */
const WAYS = /방법$/;
/** `e.g. a user posting to a forum`, `예) 주문 테이블`: an item that opens an example, however far above. */
const EXAMPLE = /^(?:e\.\s?g\b|ex\)|예\)|예[:：]|예를\s*들(?:어|면)|for\s+(?:example|instance)\b)/i;
/** `인스턴스 상세설정 단계다.`, `Create Volume 화면`: a line that says the list below it is a console screen. */
const SCREEN = /단계(?:이?다|입니다)\.?$|화면|버튼|\b(?:screen|wizard)\b/i;

/** Whether a list item sits right below a line that says it is on a console screen: it is one of the screen's fields, not a definition. */
export function onScreen(note: NoteSource, item: Block): boolean {
  const intro = note.introOf(item);
  return !!intro && SCREEN.test(intro.text.trim());
}

/**
 * `AWS Service Integration` right above `S3 : object 생성 event 에 반응…`, `targets of event
 * notifications` above `SNS - to send SMS or emails`: what S3 or SNS does for the note's service, not what it is.
 */
const INTEGRATION =
  /\bintegrations?\b|연동|\b(?:targets?|destinations?|subscribers?|triggers?|(?:event\s+)?sources?|outputs?|inputs?|sinks?)\b|대상|구독자|트리거|이벤트\s*소스/i;

/**
 * Whether any label of a chain, or the item or a heading the block sits under, opens an aside: a
 * walkthrough, scenarios, use cases, benefits, examples, analogies or ways of doing something, whose
 * items define nothing.
 */
export function underAside(chain: readonly string[], block: Block): boolean {
  // A console path too long to be a label (`왼쪽 메뉴 'EBS' > 스냅샷 > '볼륨 생성'`) still opens one.
  const above = [block.parent, ...block.headings].flatMap((b) => (b ? [b.text.trim()] : []));
  const nearest = (block.parent ?? block.headings.at(-1))?.text.trim() ?? '';
  return (
    [...chain, ...above].some((label) => ASIDE.test(label)) ||
    parentItems(block).some((item) => EXAMPLE.test(item.text.trim())) ||
    WAYS.test(nearest)
  );
}

/** Whether the label right above a block is an integration or a list of targets, whose items say what another service does for this one. */
export function underIntegration(block: Block): boolean {
  return INTEGRATION.test((block.parent ?? block.headings.at(-1))?.text ?? '');
}

/**
 * A question's chain (its own label first) anchored to AWS: `depth` is the first label that names
 * an AWS term, so that `Buffer size` is asked under `Firehose` and not under `Near Real Time`, and
 * reaches on to one that names a service, or to the topic, where that term is only a part.
 * Where no label does, the note's topic (`s3.md`) is added as the outermost label; where the
 * note has none, or the chain names it without naming it as an AWS term, undefined. Labels before `from`
 * do not count (a question's own term may be too plain to place it).
 */
export function anchored(note: NoteSource, chain: readonly string[], from = 0): { chain: string[]; depth: number } | undefined {
  const depth = chain.findIndex((label, i) => i >= from && note.namesAwsTerm(label));
  const topic = note.topic;
  // The topic adds nothing to a chain that names it already (`Lambda 계층` in `lambda.md`).
  const underTopic =
    topic && !chain.some((label) => normalizeKey(label).includes(normalizeKey(topic)))
      ? { chain: [...chain, topic], depth: chain.length }
      : undefined;
  if (depth < 0) {
    return underTopic;
  }
  // A part (`실행 환경 › 최대 실행 시간`) does not say which service it is of: the label above that
  // names one, or else the topic, does.
  const whole = chain.findIndex((label) => note.namesWhole(label));
  if (whole >= 0) {
    return { chain: [...chain], depth: Math.max(depth, whole) };
  }
  return underTopic ?? { chain: [...chain], depth };
}

/** One subject per entry, or undefined where no breadcrumb tells it apart from another with a different answer. */
export function uniqueSubjects(note: NoteSource, entries: readonly Subject[]): (string | undefined)[] {
  const depth = entries.map((e) => Math.min(e.minDepth, e.chain.length - 1));
  const subject = (i: number) =>
    entries[i].chain
      .slice(0, depth[i] + 1)
      .reverse()
      .reduce((outer, inner) => t(note.locale, 'inContext', outer, inner));
  for (;;) {
    const clashing = clashes(
      entries,
      entries.map((_, i) => subject(i)),
    );
    const growable = clashing.filter((i) => depth[i] < entries[i].chain.length - 1);
    if (!growable.length) {
      const dropped = new Set(clashing);
      return entries.map((_, i) => (dropped.has(i) ? undefined : subject(i)));
    }
    growable.forEach((i) => depth[i]++);
  }
}

/** Indices of entries whose subject another entry with a different answer shares. */
function clashes(entries: readonly Subject[], subjects: readonly string[]): number[] {
  const answers = new Map<string, Set<string>>();
  subjects.forEach((s, i) => {
    const key = normalizeKey(s);
    answers.set(key, (answers.get(key) ?? new Set()).add(normalizeKey(entries[i].answer)));
  });
  return subjects.flatMap((s, i) => (answers.get(normalizeKey(s))!.size > 1 ? [i] : []));
}
