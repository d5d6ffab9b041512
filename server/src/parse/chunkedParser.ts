// remark is exact but slow (~0.5–0.8 MB/s on Korean notes here). A note is cut into sections at
// ATX headings (outside code fences) and each section is parsed on its own, so an edit re-parses
// only the section it touches (noteModel.ts keeps what it builds per section for the next version).
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root } from 'mdast';
import { lineEnd } from '../text/lineMap';
import { ATX_HEADING, closesFence, fenceOpened, frontMatterEnd, LABEL_ITEM, LIST_ITEM } from './markdownLines';

/**
 * The GFM constructs notes need — tables, strikethrough, task items — without remark-gfm's
 * autolink literals and footnotes, which double remark's parse time and garbage on Korean notes:
 * a bare URL or a footnote mark stays plain text.
 */
function gfmForNotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmForNotes);

const SPLIT_AFTER_CHARS = 2048;

/**
 * [start, end) of each section. A section starts at every heading and label item (`- * Aurora`)
 * outside a fence, and — so that notes without headings are not one long section — at a top-level
 * list item or a block after a blank line once the section has grown past SPLIT_AFTER_CHARS.
 */
export function splitSections(text: string): [number, number][] {
  let sectionStart = frontMatterEnd(text);
  const sections: [number, number][] = [];
  let fence: string | undefined;
  let previousBlank = false;
  for (let lineStart = sectionStart; lineStart < text.length;) {
    const { end, next } = lineEnd(text, lineStart);
    const line = text.slice(lineStart, end);
    if (fence !== undefined) {
      if (closesFence(line, fence)) {
        fence = undefined;
      }
    } else {
      const grown = lineStart - sectionStart >= SPLIT_AFTER_CHARS;
      const topLevel = /^\S/.test(line);
      const starts =
        ATX_HEADING.test(line) || (topLevel && LABEL_ITEM.test(line)) || (grown && topLevel && (LIST_ITEM.test(line) || previousBlank));
      if (starts && lineStart > sectionStart) {
        sections.push([sectionStart, lineStart]);
        sectionStart = lineStart;
      }
      fence = fenceOpened(line);
    }
    previousBlank = !line.trim();
    lineStart = next === -1 ? text.length : next;
  }
  if (sectionStart < text.length || !sections.length) {
    sections.push([sectionStart, text.length]);
  }
  return sections;
}

/**
 * A copy of a section, not a slice of its note: V8 keeps a slice's whole parent string alive and
 * remark's values are slices of its input, so the blocks of a section parsed at some version of a
 * note kept all of that version's text while the section stayed unedited. Concatenating and then
 * slicing makes V8 copy.
 */
function unshared(section: string): string {
  return (' ' + section).slice(1);
}

/** remark's tree of a section (which inputGuard.ts allowed); `undefined` when remark overflows the stack. */
export function parseSection(chunk: string): Root | undefined {
  try {
    return processor.parse(unshared(chunk));
  } catch {
    return undefined;
  }
}
