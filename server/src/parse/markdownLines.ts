// The Markdown line grammar that the line-based passes share — the scanner, the section splitter,
// suppression comments and quick fixes — so that they agree with each other and with remark on
// where code, headings, label items and front matter are.
import { lineEnd } from '../text/lineMap';

/** An opening or closing code fence; group 1 is the fence itself. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** An ATX heading; group 1 is its hashes. */
export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
/** A setext underline (`===` or `---` under a paragraph line). */
export const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
export const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
/** A bullet holding only a bullet (`- * Aurora`): notes use it as a heading. */
export const LABEL_ITEM = /^[ \t]*[-*+][ \t]+[-*+][ \t]+(?=\S)/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** The fence a line opens (its backticks or tildes), if it opens one: a backtick fence's info string has no backtick. */
export function fenceOpened(line: string): string | undefined {
  const open = FENCE.exec(line);
  if (!open || (open[1][0] === '`' && line.includes('`', open[0].length))) {
    return undefined;
  }
  return open[1];
}

/** Whether a line closes the fence `open`: the same character, at least as long, nothing after it. */
export function closesFence(line: string, open: string): boolean {
  const close = FENCE.exec(line);
  return !!close && close[1][0] === open[0] && close[1].length >= open.length && !line.slice(close[0].length).trim();
}

/**
 * Where YAML front matter ends (the start of the line after its closing `---` or `...`), or 0
 * when the note has none: it must open on the first line with exactly `---` and close. A note
 * that opens with `----` or a lone `---` starts with a thematic break, as remark reads it.
 */
export function frontMatterEnd(text: string): number {
  const first = lineEnd(text, 0);
  if (first.next === -1 || !FRONT_MATTER_OPEN.test(text.slice(0, first.end))) {
    return 0;
  }
  for (let start = first.next; start !== -1 && start < text.length;) {
    const { end, next } = lineEnd(text, start);
    if (FRONT_MATTER_CLOSE.test(text.slice(start, end))) {
      return next === -1 ? text.length : next;
    }
    start = next;
  }
  return 0;
}
