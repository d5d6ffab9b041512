// remark is exact but slow (~0.3 MB/s on Korean notes here). A note is cut into sections at
// ATX headings (outside code fences) and each section is parsed on its own, so an edit re-parses
// only the section it touches (noteModel.ts caches what it builds per section).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** [start, end) of each section: a new one starts at every heading line outside a fence. */
export function splitSections(text: string): [number, number][] {
  const front = FRONT_MATTER.exec(text);
  let sectionStart = front ? front[0].length : 0;
  const sections: [number, number][] = [];
  let fence: string | undefined;
  for (let lineStart = sectionStart; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
    } else if (f) {
      fence = f[1];
    } else if (ATX.test(line) && lineStart > sectionStart) {
      sections.push([sectionStart, lineStart]);
      sectionStart = lineStart;
    }
    lineStart = lineEnd + 1;
  }
  if (sectionStart < text.length || !sections.length) sections.push([sectionStart, text.length]);
  return sections;
}

/** A section remark cannot take (pathological nesting overflows its stack) yields no blocks. */
export function parseSection(chunk: string): Root {
  try {
    return processor.parse(chunk);
  } catch {
    return { type: 'root', children: [] };
  }
}
