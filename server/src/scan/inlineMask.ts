// The parts of one line of Markdown that are prose: what is left after inline code, inline HTML,
// HTML comments, URLs of any scheme (`https://`, `s3://`) and link destinations are cut out.

// A link destination is looked for at most 500 characters ahead: unbounded, `[a](` repeated on
// one line made every `](` scan to the line's end (1.5 s for 40 KB).
const SKIP =
  /(`+)|<!--.*?(?:-->|$)|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|\b[a-z][a-z0-9+.-]*:\/\/[^\s<>)\]]+|\bwww\.[^\s<>)\]]+|\]\([^)\s]{0,500}(?:\s+"[^"]{0,500}")?\)/g;

/** Calls `visit(from, to)` for each prose run of `text[start, end)`. Returns true if an HTML comment stays open. */
export function forEachProseRun(text: string, start: number, end: number, visit: (from: number, to: number) => void): boolean {
  const line = text.slice(start, end);
  let prose = 0;
  let openComment = false;
  SKIP.lastIndex = 0;
  for (let m = SKIP.exec(line); m; m = SKIP.exec(line)) {
    let skipEnd = m.index + m[0].length;
    if (m[1]) {
      // A code span closes at the next backtick run of the same length; otherwise the backticks are literal.
      const close = findClosingTicks(line, skipEnd, m[1].length);
      if (close < 0) {
        continue;
      }
      skipEnd = close + m[1].length;
      SKIP.lastIndex = skipEnd;
    } else if (m[0].startsWith('<!--') && !m[0].endsWith('-->')) {
      openComment = true;
    }
    if (m.index > prose) {
      visit(start + prose, start + m.index);
    }
    prose = skipEnd;
  }
  if (prose < line.length) {
    visit(start + prose, end);
  }
  return openComment;
}

function findClosingTicks(line: string, from: number, length: number): number {
  for (let i = line.indexOf('`', from); i !== -1; i = line.indexOf('`', i)) {
    let j = i;
    while (j < line.length && line.charCodeAt(j) === 96) {
      j++;
    }
    if (j - i === length) {
      return i;
    }
    i = j;
  }
  return -1;
}
