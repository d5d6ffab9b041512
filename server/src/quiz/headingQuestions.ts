// Terms noted under a heading or a list item: `### ELB 로드 밸런서 유형` over `Application : …`,
// `Network : …`, `Gateway : …` asks for the three. The answer lists every item of the section,
// so every item must be a name or a definition: a sentence among them may be a member the
// answer would leave out. Only sections that read as a set qualify: at least two definitions, a
// title that names a kind of thing (`유형`, `classes`) or items that are all glossary terms under
// a title that is no service alone, and neither aspects of one thing (`장점`, `단점`), the note's
// pick (`핵심 구성 요소`), ways of doing something (`생성 방법`), a service's outline (`EC2 구성`)
// nor names the title already gives or repeats (`Reserved` › `Reserved Instances`). A list that
// lacks a newer member makes no set.
import type { Block } from '../parse/noteModel';
import type { TermMatch } from '../terms/termMatcher';
import { aliasText, type GlossaryEntry } from '../knowledge/glossary';
import { blockLists } from '../parse/listSections';
import type { QuizItem } from '../protocol';
import { generatedCardId, normalizeKey } from './cardIds';
import { definitionOf, labelOf } from './definitionItems';
import { ASPECT } from './definitionQuestions';
import { anchored, contextChain, underAside, uniqueSubjects } from './breadcrumbs';
import { isRemark } from './answerQuality';
import type { NoteSource } from './noteSource';
import { t } from '../l10n';

const MIN_DEFINITIONS = 2;
const MAX_TERMS = 8;
const MAX_NAME_WORDS = 3;
const MAX_NAME_CHARS = 30;
const MIN_NAME_LETTERS = 2;
const PARENS = /\([^()]*\)|（[^（）]*）/g;
/** `매우 중요함`, `확인 필요함` end like a Korean note-style sentence, not a name. */
const SENTENCE_ENDING = /[함음임됨짐]$/;
/** Titles that name a kind of thing, whose items are its members. */
const SET_TITLE =
  /유형|종류|타입|옵션|클래스|모드|계층|티어|패밀리|구성\s*요소|전략|정책|엔진|모델|단계|상태|레벨|등급|types?\b|kinds?\b|class(?:es)?\b|options?\b|modes?\b|tiers?\b|famil(?:y|ies)\b|components?\b|strateg(?:y|ies)\b|polic(?:y|ies)\b|engines?\b|models?\b|states?\b|levels?\b|patterns?\b|services\b/i;
/** Titles that are questions, comparisons or working notes, not the name of a set. */
const NOT_A_SET_TITLE =
  /^#|[?？.。:]$|다$|\b(?:vs\.?|include|includes|are|is)$|\bvs\.?\b|↔|<->|good to know|deeper dive|참고|정리|요약|메모|예시?$|examples?$|notes?$/i;
const LOOKS_DEFINED = /^[^:：\n]{1,40}[:：]\s/;
/**
 * `핵심 구성 요소`, `main features`: the note's pick of a larger set, which no learner can recall as
 * the note has it; `생성 방법`, `최적화 방식`: ways of doing something, whose items head how, not
 * what; `IAM Role 및 Policy`: two things, not one kind.
 */
const NOT_A_KIND =
  /핵심|주요|대표적?|중요한|\b(?:main|key|core|major|important|popular|common|notable)\b|방법|방식|\b(?:methods?|ways?|how\s+to)\b|\s(?:및|and|&)\s/i;
/** `EC2 구성`, `S3 개요`: a service's outline, what the note chose to say about it. */
const OUTLINE = /^(?:구성|개요|소개|기본|기초|정리|overview|basics|introduction|intro)$/i;
/** Exam-dump questions list the options of one question, not a set to learn. */
const EXAM_DUMP = /#\s*\d+|question|questoin|문제\s*\d+|\bQ\s*\d+\b/i;
/** `인바운드`, `아웃바운드`: the directions every such thing has, not members worth recalling. */
const DIRECTION =
  /^(?:인바운드|아웃바운드|송신|수신|업로드|다운로드|읽기|쓰기|입력|출력|요청|응답|inbound|outbound|ingress|egress|upload|download|read|write|input|output|request|response)(?:\s*규칙|\s*rules?)?$/i;
/** `총 3가지`, `6 types`: a count in the title that the items must match. */
const TITLE_COUNT = /(\d+)\s*(?:가지|개|종류|types?|kinds?|options?)/i;

export function headingQuestions(note: NoteSource): QuizItem[] {
  const found: { section: Block; items: Block[]; label: string; terms: string[] }[] = [];
  // The same lists the outdated-list facts read, so a set's card carries its title's finding.
  for (const { title: section, items } of blockLists(note.model.blocks, MIN_DEFINITIONS)) {
    const label = labelOf(note, section);
    const named = items.map((b) => nameOf(note, b)).filter((t): t is string => !!t);
    const terms = named.filter((term, i) => named.findIndex((other) => normalizeKey(other) === normalizeKey(term)) === i);
    const definitions = items.filter((b) => definitionOf(note, b)).length;
    // An item that looks like `X: …` but is no definition (it runs on over lines) leaves the set incomplete.
    if (items.some((b) => !nameOf(note, b) && LOOKS_DEFINED.test(b.text))) {
      continue;
    }
    // Every item must be a member: a set asked without some of its items teaches an incomplete list.
    if (!label || definitions < MIN_DEFINITIONS || terms.length > MAX_TERMS || named.length < items.length) {
      continue;
    }
    if (readsAsSet(note, section, label, items, terms)) {
      found.push({ section, items, label, terms });
    }
  }
  // A title without a name in it (`용어`, `기본 규칙`) is asked with the heading or item above it, or not at all;
  // a title that names no AWS term (`HDD`, `스토리지 옵션`) is asked with the labels above it up to one that does.
  const general = found.map((f) => !/[A-Z0-9]/.test(f.label));
  // A title that names a service (`EBS 볼륨 타입`) says what the set is about; one that names a part
  // or a general term (`리소스 기반`, `SSD`) is asked under the label above it that names one.
  const anchors = found.map((f) => {
    const chain = [f.label, ...contextChain(note, f.section, f.section)];
    return underAside(chain, f.section) ? undefined : anchored(note, chain, note.namesService(f.label) ? 0 : 1);
  });
  const subjects = uniqueSubjects(
    note,
    found.map((f, n) => ({
      chain: anchors[n]?.chain ?? [f.label],
      answer: f.terms.join(', '),
      minDepth: Math.max(general[n] ? 1 : 0, anchors[n]?.depth ?? 0),
    })),
  );
  return found.flatMap(({ section, items, terms, label }, n) => {
    const subject = subjects[n];
    if (!subject || !anchors[n] || (general[n] && subject === label) || EXAM_DUMP.test(subject)) {
      return [];
    }
    const answer = terms.join(', ');
    const question = {
      id: generatedCardId('heading', note.uri, subject),
      kind: 'heading' as const,
      prompt: t(note.locale, 'listUnder', subject, terms.length),
      answer,
      group: note.groupOf(section),
    };
    return note.place(question, section, 0, section.text.length, `${subject}\n${answer}`, items);
  });
}

function readsAsSet(note: NoteSource, section: Block, label: string, items: Block[], terms: string[]): boolean {
  const count = TITLE_COUNT.exec(label);
  const notAName = (term: string) => ASPECT.test(term) || isRemark(term) || /^[#@]|^(?:for|with|in|to|on|by)\s/i.test(term);
  if (
    NOT_A_SET_TITLE.test(label) ||
    NOT_A_KIND.test(label) ||
    outlines(note, label) ||
    ASPECT.test(label) ||
    isRemark(label) ||
    terms.some(notAName) ||
    terms.every((term) => DIRECTION.test(term.replace(PARENS, '').trim()))
  ) {
    return false;
  }
  if ((count && Number(count[1]) !== terms.length) || comparedWithTitle(note, label, items) || leavesOutParts(note, label, items)) {
    return false;
  }
  const inTitle = terms.filter((term) => normalizeKey(label).includes(normalizeKey(term.replace(PARENS, ''))));
  if (inTitle.length * 2 >= terms.length || terms.some((term) => namesTitle(term, label))) {
    return false;
  }
  const glossaryNamed = items.filter((b) => namingTerm(note, b)).length;
  // Otherwise every item and the title must be glossary terms (`Throughput mode` over `Bursting`, `Provisioned`),
  // the title not a service alone: what a note lists under `## S3` is its outline, not a set.
  const titleNamed = note.termsIn(section).length > 0 && !note.isServiceName(label);
  return (
    SET_TITLE.test(label) ||
    (titleNamed &&
      glossaryNamed === items.length &&
      label.split(/\s+/).length <= MAX_NAME_WORDS &&
      !generalUnderService(note, label, items))
  );
}

/** A title without its words for a set (`EBS 볼륨 타입` → `EBS 볼륨`): what kind of thing it lists. */
function withoutSetWords(label: string): string {
  return label.replace(new RegExp(SET_TITLE.source, 'gi'), ' ');
}

/** What may follow the title in an item that names the title itself: a word for any of its kind. */
const GENERIC_HEAD = /^(?:instances?|인스턴스|types?|유형|s)$/i;

/**
 * `Reserved (유형)` over `Reserved Instances`, `Convertible Reserved Instances`: an item named as the title
 * is one of its kinds named loosely (here the standard one), and the set would ask for a wrong name.
 */
function namesTitle(term: string, label: string): boolean {
  const [t, l] = [normalizeKey(term), normalizeKey(label)];
  const kind = normalizeKey(withoutSetWords(label));
  return t === l || (!!kind && t.startsWith(kind) && GENERIC_HEAD.test(t.slice(kind.length)));
}

/**
 * `Aurora의 데이터 복구` over `MTTF`, `MTTR`: general concepts the note brings up about an AWS term
 * are no set of its own, and the title never says what kind of thing they are.
 */
function generalUnderService(note: NoteSource, label: string, items: Block[]): boolean {
  const { glossary } = note;
  return (
    note.namesAwsTerm(label) &&
    items.every((b) => {
      const term = namingTerm(note, b);
      return term && glossary.typeOf(glossary.entries[term.entry].id) === 'concept';
    })
  );
}

/** The glossary term an item is named by, whole (`Bucket Policies`, `MTTF : 평균 고장 시간`). */
function namingTerm(note: NoteSource, item: Block): TermMatch | undefined {
  const name = nameOf(note, item);
  return name ? note.termsIn(item).find((m) => m.start === 0 && m.end >= name.replace(PARENS, '').trim().length) : undefined;
}

/**
 * `Service Type` over `ClusterIP`, `NodePort`, `LoadBalancer`, `Ingress`: an item the glossary
 * compares with what the title names is no kind of it, and the set would teach a wrong classification.
 */
function comparedWithTitle(note: NoteSource, label: string, items: Block[]): boolean {
  const { glossary } = note;
  const titled = normalizeKey(withoutSetWords(label));
  return items.some((b) => {
    const term = namingTerm(note, b);
    return (
      !!term &&
      glossary
        .related(glossary.entries[term.entry].id)
        .filter((r) => r.type === 'compared-with' || r.type === 'alternative-to')
        .some(({ target }) =>
          [target.shortName, target.name, target.nameKo, ...target.aliases.map(aliasText)].some((n) => normalizeKey(n) === titled),
        )
    );
  });
}

/**
 * `Amazon VPC › 게이트웨이` over `인터넷 게이트웨이`, `가상 프라이빗 게이트웨이`; `Record Types` over `A`,
 * `CNAME`: a title whose last word (bar a word for a set) is the head noun of its items asks for
 * every such part of the whole they are parts of. When the glossary knows another part of that
 * whole named with that noun (`송신 전용 인터넷 게이트웨이`, `MX 레코드`), the note listed its pick
 * (or an older set), and the card would mark a learner wrong for naming the others. A name gone or
 * renamed is no such part; one named after its whole (`S3 Glacier Instant Retrieval` beside the
 * retrieval options) is of another kind.
 */
function leavesOutParts(note: NoteSource, label: string, items: Block[]): boolean {
  const { glossary } = note;
  const head = withoutSetWords(label)
    .replace(PARENS, ' ')
    .trim()
    .split(/[\s-]+/)
    .at(-1)
    ?.replace(/(?<=[a-z]{3})s$/i, '')
    .toLowerCase();
  const names = (e: GlossaryEntry) => [e.name, e.shortName, e.nameKo].map((n) => n.toLowerCase());
  const headed = (e: GlossaryEntry) => !!head && names(e).some((n) => n.endsWith(head));
  const members = [...new Set(items.flatMap((b) => namingTerm(note, b) ?? []).map((m) => glossary.entries[m.entry]))].filter(headed);
  if (members.length < MIN_DEFINITIONS) {
    return false;
  }
  const listed = new Set(items.flatMap((b) => note.termsIn(b).map((m) => glossary.entries[m.entry])));
  const wholes = [...new Set(members.flatMap((e) => glossary.withBroader(e.id).slice(1)))].map((id) => glossary.get(id)!);
  return wholes.some((whole) =>
    glossary
      .partsOf(whole.id)
      .some((p) => headed(p) && !listed.has(p) && !note.outdated(p.id) && !names(whole).some((n) => names(p).some((pn) => pn.includes(n)))),
  );
}

/** `EC2 구성`: a service's name and a word for its outline. */
function outlines(note: NoteSource, label: string): boolean {
  const words = label.trim().split(/\s+/);
  return words.length > 1 && OUTLINE.test(words.at(-1)!) && note.isServiceName(words.slice(0, -1).join(' '));
}

/** The term an item defines, or its text when that is a bare name (`권한 경계`, `Policy (정책)`). */
function nameOf(note: NoteSource, item: Block): string | undefined {
  const defined = definitionOf(note, item)?.term;
  if (defined) {
    return defined;
  }
  const text = item.text.trim().replace(/\s*[:：]$/, '');
  const bare = text.replace(PARENS, ' ');
  // `m`, `5 : generation`: a letter or a half-written definition is no name of a member.
  const isName =
    (bare.match(/\p{L}/gu)?.length ?? 0) >= MIN_NAME_LETTERS &&
    text.length <= MAX_NAME_CHARS &&
    !/[.,;:：!?]/.test(bare) &&
    !SENTENCE_ENDING.test(text) &&
    bare.trim().split(/\s+/).length <= MAX_NAME_WORDS;
  return isName ? text : undefined;
}
