// The lists of a note: each heading or parent list item with the list items directly under it,
// as the list claims (facts/listClaims.ts) read them.
import type { Block } from './noteModel';

export interface BlockList {
  /** A heading, a label item (`- * Aurora`) or a parent list item. */
  title: Block;
  /** The title's index in the note's blocks. */
  index: number;
  /** The list items directly under the title, in note order. */
  items: Block[];
}

/**
 * The titles with at least `minItems` items directly under them: a parent item's child items, or a
 * heading's (or label's) items that sit in no other item.
 */
export function blockLists(blocks: readonly Block[], minItems: number): BlockList[] {
  const byTitle = new Map<Block, Block[]>();
  for (const b of blocks) {
    const title = b.kind === 'listItem' ? titleOf(b) : undefined;
    if (title) {
      const items = byTitle.get(title);
      if (items) {
        items.push(b);
      } else {
        byTitle.set(title, [b]);
      }
    }
  }
  const out: BlockList[] = [];
  blocks.forEach((b, index) => {
    const items = byTitle.get(b);
    if (items && items.length >= minItems) {
      out.push({ title: b, index, items });
    }
  });
  return out;
}

/** An item's title: a label in its own list, else its parent item, else its heading. */
function titleOf(item: Block): Block | undefined {
  const heading = item.headings.at(-1);
  return item.parent && heading?.parent !== item.parent ? item.parent : heading;
}

/** The texts of every block after the title that sits under it (its items, theirs, paragraphs, subsections). */
export function* textsUnder(blocks: readonly Block[], list: BlockList): Generator<string> {
  for (let i = list.index + 1; i < blocks.length && isUnder(blocks[i], list.title); i++) {
    yield blocks[i].text;
  }
}

function isUnder(block: Block, title: Block): boolean {
  if (block.headings.includes(title)) {
    return true;
  }
  for (let p = block.parent; p; p = p.parent) {
    if (p === title) {
      return true;
    }
  }
  return false;
}
