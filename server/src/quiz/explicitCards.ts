// Cards the user wrote: `Q::A`, `Q:::A` (asked both ways), a multi-line card with `?` alone on
// the line between question and answer, and `==cloze==` deletions. Only prose counts: the note
// model leaves out code blocks and blanks inline code, where ARNs (`arn:aws:s3:::bucket`) live.
import type { Block } from '../parse/noteModel';
import type { QuizItem } from '../protocol';
import { explicitCardId } from './cardIds';
import type { NoteSource } from './noteSource';
import { BLANK } from './quizStrings';
import { lineEnd } from '../text/lineMap';

export interface CardSeparators {
  card: string;
  /** Asked in both directions; empty turns reversed cards off. */
  reversed: string;
}

export const DEFAULT_SEPARATORS: CardSeparators = { card: '::', reversed: ':::' };

const CLOZE = /==(?=\S)(.+?)(?<=\S)==/g;
const MULTILINE_MARK = '?';

export function explicitCards(note: NoteSource, separators: CardSeparators): QuizItem[] {
  const out: QuizItem[] = [];
  for (const block of note.model.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'listItem') {
      continue;
    }
    // Separators are looked for in the prose (inline code blanked out); what is shown keeps the code.
    const lines = linesOf(block.text);
    const shown = linesOf(block.display);
    const mark = lines.findIndex((l) => l.text.trim() === MULTILINE_MARK);
    if (mark > 0 && mark < lines.length - 1) {
      const question = shown
        .slice(0, mark)
        .map((l) => l.text)
        .join('\n');
      const answer = shown
        .slice(mark + 1)
        .map((l) => l.text)
        .join('\n');
      out.push(...cards(note, block, 0, block.text.length, question, answer, false));
      continue;
    }
    let hasCard = false;
    for (const [i, line] of lines.entries()) {
      const split = splitCard(line.text, separators, shown[i].text);
      if (!split) {
        continue;
      }
      hasCard = true;
      out.push(...cards(note, block, line.start, line.start + line.text.length, split.question, split.answer, split.reversed));
    }
    if (!hasCard) {
      out.push(...clozeCards(note, block));
    }
  }
  return out;
}

function cards(
  note: NoteSource,
  block: Block,
  start: number,
  end: number,
  rawQuestion: string,
  rawAnswer: string,
  reversed: boolean,
): QuizItem[] {
  const question = plain(rawQuestion);
  const answer = plain(rawAnswer);
  if (!question || !answer) {
    return [];
  }
  const both = `${question}\n${answer}`;
  const group = note.groupOf(block);
  const forward = note.place(
    { id: explicitCardId('card', question), kind: 'card', prompt: question, answer, group },
    block,
    start,
    end,
    both,
  );
  if (!reversed) {
    return forward;
  }
  return [
    ...forward,
    ...note.place(
      { id: explicitCardId('reverse', answer), kind: 'card', prompt: answer, answer: question, group },
      block,
      start,
      end,
      both,
    ),
  ];
}

/** One card per deletion; the others show as plain text. Keyed by the text with every deletion blanked. */
function clozeCards(note: NoteSource, block: Block): QuizItem[] {
  // Lines joined with one space; trimmed line by line: /\s*\n\s*/ was quadratic on a long blank run.
  const text = block.display
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  const deletions = [...text.matchAll(CLOZE)];
  const key = text.replace(CLOZE, BLANK);
  return deletions.flatMap((d, k) => {
    const prompt = text.slice(0, d.index).replace(CLOZE, '$1') + BLANK + text.slice(d.index + d[0].length).replace(CLOZE, '$1');
    const question = { id: explicitCardId('cloze', key, k), kind: 'cloze' as const, prompt, answer: d[1], group: note.groupOf(block) };
    return note.place(question, block, 0, block.text.length, text.replace(CLOZE, '$1'));
  });
}

/**
 * Question and answer of a one-line card; separators inside identifiers (ARNs, IPv6, URLs) do not
 * count. `shown` is the same line with inline code kept, where question and answer are taken from.
 */
export function splitCard(
  line: string,
  { card, reversed }: CardSeparators,
  shown = line,
): { question: string; answer: string; reversed: boolean } | undefined {
  for (const [separator, isReversed] of [
    [reversed, true],
    [card, false],
  ] as const) {
    const at = separatorIndex(line, separator);
    if (at >= 0) {
      return { question: shown.slice(0, at), answer: shown.slice(at + separator.length), reversed: isReversed };
    }
  }
  return undefined;
}

function separatorIndex(line: string, separator: string): number {
  if (!separator.trim()) {
    return -1;
  }
  for (let at = line.indexOf(separator); at >= 0;) {
    const end = at + separator.length;
    const partOfLongerRun = line[at - 1] === separator[0] || line[end] === separator[separator.length - 1];
    if (!partOfLongerRun && !insideIdentifier(line, at, end)) {
      return at;
    }
    // Every other separator in an identifier is inside it too: go on after the token (linear in the line).
    at = line.indexOf(separator, partOfLongerRun ? at + 1 : tokenAround(line, at, end)[1]);
  }
  return -1;
}

/** Whether `line[at, end)` is glued into a token with more colons or slashes: an ARN, IPv6 address or URL. */
export function insideIdentifier(line: string, at: number, end: number): boolean {
  // `::/0`, `::ffff:` : an IPv6 address or prefix, even where it starts the token.
  if (/^(?:\/\d|[0-9a-f]{1,4}:)/i.test(line.slice(end))) {
    return true;
  }
  if (isSpace(line.charCodeAt(at - 1)) || isSpace(line.charCodeAt(end))) {
    return false;
  }
  const [tokenStart, tokenEnd] = tokenAround(line, at, end);
  return /[:/]/.test(line.slice(tokenStart, at)) || /[:/]/.test(line.slice(end, tokenEnd));
}

/** The run of non-space characters around `line[at, end)`. */
function tokenAround(line: string, at: number, end: number): [number, number] {
  let start = at;
  while (start > 0 && !isSpace(line.charCodeAt(start - 1))) {
    start--;
  }
  let stop = end;
  while (stop < line.length && !isSpace(line.charCodeAt(stop))) {
    stop++;
  }
  return [start, stop];
}

/** White space, or outside the line (NaN). */
function isSpace(c: number): boolean {
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

function linesOf(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  for (let start = 0; start !== -1;) {
    const { end, next } = lineEnd(text, start);
    lines.push({ text: text.slice(start, end), start });
    start = next;
  }
  return lines;
}

/** Card text without highlight marks and stray whitespace. */
function plain(text: string): string {
  return text
    .replace(CLOZE, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
