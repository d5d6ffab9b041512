// Definition items in a note: `SSE-S3 : S3 의 고유한 키로 암호화`, `**SQS**: 메시지 큐`,
// `eip (탄력적 IP 주소) - 고정 IP`. A colon may follow any short term; a dash, `=` or arrow only
// a glossary term on a leaf item, since `VPC - Subnet` over a sub-list is a title, not a definition.
import type { Block } from '../parse/noteModel';
import { definedInCell } from '../scan/definitionShapes';
import { insideIdentifier } from './explicitCards';
import type { NoteSource } from './noteSource';
import { balanced } from './answerQuality';

export interface Definition {
  block: Block;
  term: string;
  body: string;
}

/** A colon glued between Latin letters or digits (`S3:ObjectCreated`, `s3:GetObject`) is part of a name. */
const SEPARATOR = /(?<![:：])[:：](?![:/])(?!(?<=[A-Za-z0-9][:：])[A-Za-z0-9])|[ \t][-–—=][ \t]|[ \t]?→/;
const MAX_TERM_CHARS = 40;
const MAX_TERM_WORDS = 5;
const NOT_A_TERM = /^(?:note|notes|tip|example|e\.g|todo|warning|참고|예|예시|주의|메모)$/i;
/**
 * `V1과 V2가 존재`, `정책에서 Effect`, `VPC B, VPC C`: a clause or a list, not a term. A name
 * carrying a Korean particle before more words, or a Hangul word ending in a particle no noun
 * ends in, makes a clause.
 */
const CLAUSE =
  /[\p{L}\p{N})](?<!\p{Script=Hangul})(?:과|와|가|이|을|를|은|는|에서|으로|로)\s+\S|\p{Script=Hangul}(?:에서|에게|으로|를|을)\s+\S|,/u;
/** `B. AWS Trusted Advisor : …`: an option of an exam question the learner does not see, explained. */
const EXAM_OPTION = /^(?:[A-E][.)]|\([A-E]\)|[①-⑤])\s/;

/**
 * `- [Snow Family - Usage Process](#snow-family---usage-process)`, a table of contents entry,
 * `- [Origin Shield - 기술 블로그](https://…)`, a reference, and `**RDS - Storage Auto Scaling**`, a
 * bold line used as a heading: titles, not definitions.
 */
const TITLE_LINE = /^\s*(?:(?:[-*+]|\d+[.)])\s+\[[^\]]*\]\([^)]*\)|\*\*[^*]+\*\*|__[^_]+__)\s*$/;

export function definitionOf(note: NoteSource, block: Block): Definition | undefined {
  if ((block.kind !== 'listItem' && block.kind !== 'paragraph') || block.text.includes('\n') || TITLE_LINE.test(note.sourceLine(block))) {
    return undefined;
  }
  const separator = separatorIn(block.text);
  // The mark itself, without the blanks around it, decides whether it sits inside an identifier (`gp2/gp3 : …` is a term).
  if (!separator || insideIdentifier(block.text, separator.markStart, separator.markEnd)) {
    return undefined;
  }
  const termEnd = separator.start;
  const term = block.display.slice(0, termEnd).trim();
  // The separator's trailing blanks may be blanked-out inline code: the body starts right after the mark.
  const body = block.display.slice(separator.markEnd).trim();
  if (!isTerm(term) || body.length < 2 || !/[\p{L}\p{N}]/u.test(body)) {
    return undefined;
  }
  const colon = /[:：]/.test(separator.mark);
  if (equatesImage(separator.mark, body)) {
    return undefined;
  }
  if (
    !colon &&
    (note.hasChildren(block) ||
      dashJoinsPart(note, block, term, separator.end) ||
      !definedInCell(
        block.text,
        0,
        termEnd,
        note.termsIn(block).filter((m) => m.end <= termEnd),
      ).length)
  ) {
    return undefined;
  }
  return { block, term, body };
}

/**
 * `EBS 볼륨 = 네트워크 USB 스틱`, `EC2 = Elastic Compute Cloud = IaaS`: an equals sign before a
 * short noun phrase or a chain of them sets an image or other names beside the term, not what it is.
 */
function equatesImage(mark: string, body: string): boolean {
  return mark.trim() === '=' && (body.split(/\s+/).length <= MAX_IMAGE_WORDS || /\s=\s/.test(body));
}

const MAX_IMAGE_WORDS = 3;

/** `S3 - One Zone IA; …`: a dash between a service and the name of its part joins one name. */
function dashJoinsPart(note: NoteSource, block: Block, term: string, bodyStart: number): boolean {
  const whole = note.glossaryEntryOf(term)?.id;
  const part = note.termsIn(block).find((m) => m.start === bodyStart);
  const { glossary } = note;
  return !!whole && !!part && glossary.withBroader(glossary.entries[part.entry].id).slice(1).includes(whole);
}

/**
 * The first separator mark with the blanks around it. The blanks are walked, not matched by the
 * pattern: a leading `[ \t]*` made a long blank run (struck-out text is blanked) quadratic.
 */
function separatorIn(text: string): { start: number; end: number; mark: string; markStart: number; markEnd: number } | undefined {
  const m = SEPARATOR.exec(text);
  if (!m) {
    return undefined;
  }
  let start = m.index;
  while (start > 0 && isBlank(text[start - 1])) {
    start--;
  }
  const markStart = m.index + (m[0].length - m[0].trimStart().length);
  const markEnd = m.index + m[0].trimEnd().length;
  let end = m.index + m[0].length;
  while (end < text.length && isBlank(text[end])) {
    end++;
  }
  return { start, end, mark: m[0], markStart, markEnd };
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

function isTerm(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_TERM_CHARS &&
    text.split(/\s+/).length <= MAX_TERM_WORDS &&
    /\p{L}/u.test(text) &&
    !NOT_A_TERM.test(text) &&
    !EXAM_OPTION.test(text) &&
    !CLAUSE.test(text) &&
    balanced(text)
  );
}

const MAX_LABEL_CHARS = 30;

/**
 * How a list item or heading is named in a question: the term it defines, its text if short, or
 * the term before a dash that titles a sub-list (`Dedicated Hosts - 전체 물리적 서버를 예약…`).
 */
export function labelOf(note: NoteSource, block: Block): string | undefined {
  const text = block.text.trim().replace(/\s*[:：]$/, '');
  const short = text && text.length <= MAX_LABEL_CHARS && !text.includes('\n') ? text : undefined;
  return definitionOf(note, block)?.term ?? short ?? dashedTitle(block);
}

function dashedTitle(block: Block): string | undefined {
  const separator = separatorIn(block.text);
  const term = separator && /[-–—]/.test(separator.mark) ? block.display.slice(0, separator.start).trim() : undefined;
  return term && isTerm(term) ? term : undefined;
}
