// Offset <-> LSP position (line, UTF-16 character) for one text. Lines end at `\n`, `\r\n` or a
// lone `\r` (old Mac files), as in LSP and CommonMark.
import type { Position } from 'vscode-languageserver-types';

const LINE_BREAK = /\r\n?|\n/g;

/** The last text looked at, and whether it has no CR at all (nearly every note): then indexOf finds each line end. */
let lastText: string | undefined;
let lastHasNoCR = false;

/** Where the line starting at `from` ends (before its break), and where the next line starts (-1: none). */
export function lineEnd(text: string, from: number): { end: number; next: number } {
  if (text !== lastText) {
    lastText = text;
    lastHasNoCR = !text.includes('\r');
  }
  if (lastHasNoCR) {
    const lf = text.indexOf('\n', from);
    return lf === -1 ? { end: text.length, next: -1 } : { end: lf, next: lf + 1 };
  }
  LINE_BREAK.lastIndex = from;
  const m = LINE_BREAK.exec(text);
  return m ? { end: m.index, next: m.index + m[0].length } : { end: text.length, next: -1 };
}

/** The lines of a text, without their breaks. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = lineEnd(text, 0); at.next !== -1; at = lineEnd(text, at.next)) {
      this.starts.push(at.next);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  /** Line text without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    return this.text.slice(start, lineEnd(this.text, start).end);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    return Math.min(this.lineStart(position.line) + position.character, this.text.length);
  }
}
