// The structured form of a note, from remark (unified + remark-parse + remark-gfm): the blocks
// that carry prose — headings, paragraphs, list items, table rows — each with its plain text, a
// map back to the source, its enclosing headings and parent list items. Diagnostics and quiz
// generation read it; the workspace index does not need it (see scan/noteScanner.ts).
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, Table, TableRow } from 'mdast';
import { parseChunks } from './chunkedParser';
import { normalizeNfc } from '../text/normalize';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableRow';

export interface Block {
  kind: BlockKind;
  /** Plain text of the block's own inline content (a list item without its sub-lists). */
  text: string;
  /** Source offset of every character of `text` (length text.length + 1, the last one is the end). */
  offsets: Int32Array;
  /** Heading level, for headings. */
  depth?: number;
  /** Cells of a table row: ranges into `text`, and whether the row is the header. */
  cells?: { start: number; end: number }[];
  header?: boolean;
  /** The list item this block sits in (for list items: the parent item). */
  parent?: Block;
  /** Enclosing headings, outermost first. */
  headings: Block[];
}

export interface NoteModel {
  blocks: Block[];
  /** HTML comments with their source offsets (suppression and as-of markers). */
  comments: { text: string; offset: number }[];
}

/** Builds the model of a note; block text is NFC, offsets point into the original text. */
export function buildNoteModel(original: string): NoteModel {
  const norm = normalizeNfc(original);
  const model: NoteModel = { blocks: [], comments: [] };
  const headingStack: Block[] = [];
  for (const { root, offset } of parseChunks(norm.text)) collect(root, offset, model, headingStack);
  if (norm.text !== original) {
    for (const b of model.blocks) b.offsets = b.offsets.map(norm.toOriginal);
    for (const c of model.comments) c.offset = norm.toOriginal(c.offset);
  }
  return model;
}

function collect(root: Root, base: number, model: NoteModel, headingStack: Block[]): void {
  const context = (labels: Block[]) => [...headingStack, ...labels];
  const visit = (node: Nodes, parent: Block | undefined, labels: Block[]): void => {
    switch (node.type) {
      case 'heading': {
        while (headingStack.length && headingStack[headingStack.length - 1].depth! >= node.depth) headingStack.pop();
        const block = inlineBlock('heading', node, base, parent, headingStack.slice());
        block.depth = node.depth;
        headingStack.push(block);
        model.blocks.push(block);
        return;
      }
      case 'paragraph':
        model.blocks.push(inlineBlock('paragraph', node, base, parent, context(labels)));
        return;
      case 'list': {
        // A label item (`- * Aurora`) titles the sibling items after it, like a heading.
        let label: Block | undefined;
        for (const item of (node as List).children) {
          const siblings = label ? [...labels, label] : labels;
          const labelText = labelOf(item);
          if (labelText) {
            label = inlineBlock('heading', labelText, base, parent, context(labels));
            model.blocks.push(label);
          } else {
            visit(item, parent, siblings);
          }
        }
        return;
      }
      case 'listItem': {
        const item = listItemBlock(node, base, parent, context(labels));
        model.blocks.push(item);
        for (const child of node.children) if (child !== firstParagraph(node)) visit(child, item, labels);
        return;
      }
      case 'table':
        (node as Table).children.forEach((row, i) => model.blocks.push(rowBlock(row, i === 0, base, parent, context(labels))));
        return;
      case 'html':
        if (node.value.startsWith('<!--')) model.comments.push({ text: node.value, offset: base + node.position!.start.offset! });
        return;
      case 'blockquote':
      case 'root':
        for (const child of node.children) visit(child, parent, labels);
        return;
      default:
        return; // code, thematic breaks, definitions, front matter: no prose
    }
  };
  visit(root, undefined, []);
}

/** The paragraph of an item that holds nothing but a one-line bullet (`- * Aurora`), if it is one. */
function labelOf(item: ListItem): Paragraph | undefined {
  const [only] = item.children;
  if (item.children.length !== 1 || only.type !== 'list' || only.children.length !== 1) return undefined;
  const inner = only.children[0];
  const para = inner.children.length === 1 ? firstParagraph(inner) : undefined;
  return para && para.position!.start.line === para.position!.end.line ? para : undefined;
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  return item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
}

function inlineBlock(kind: BlockKind, node: Heading | Paragraph, base: number, parent: Block | undefined, headings: Block[]): Block {
  const acc = new TextAccumulator(base);
  acc.addAll(node.children);
  return { kind, ...acc.finish(), parent, headings };
}

function listItemBlock(node: ListItem, base: number, parent: Block | undefined, headings: Block[]): Block {
  const acc = new TextAccumulator(base);
  const para = firstParagraph(node);
  if (para) acc.addAll(para.children);
  return { kind: 'listItem', ...acc.finish(), parent, headings };
}

function rowBlock(row: TableRow, header: boolean, base: number, parent: Block | undefined, headings: Block[]): Block {
  const acc = new TextAccumulator(base);
  const cells: { start: number; end: number }[] = [];
  row.children.forEach((cell, i) => {
    if (i > 0) acc.separator(' | ');
    const start = acc.length;
    acc.addAll(cell.children);
    cells.push({ start, end: acc.length });
  });
  return { kind: 'tableRow', ...acc.finish(), cells, header, parent, headings };
}

/** Builds a block's plain text from inline nodes, remembering where each character came from. */
class TextAccumulator {
  private text = '';
  private offsets: number[] = [];

  constructor(private readonly base: number) {}

  get length(): number {
    return this.text.length;
  }

  addAll(nodes: PhrasingContent[]): void {
    for (const n of nodes) this.add(n);
  }

  separator(s: string): void {
    const at = this.offsets.length ? this.offsets[this.offsets.length - 1] + 1 : this.base;
    for (let i = 0; i < s.length; i++) this.offsets.push(at);
    this.text += s;
  }

  finish(): { text: string; offsets: Int32Array } {
    const end = this.offsets.length ? this.offsets[this.offsets.length - 1] + 1 : this.base;
    return { text: this.text, offsets: Int32Array.from([...this.offsets, end]) };
  }

  private add(node: PhrasingContent): void {
    if (node.type === 'text') {
      const start = this.base + node.position!.start.offset!;
      const end = this.base + node.position!.end.offset!;
      // Escapes and entities make the value shorter than its source: map proportionally.
      const ratio = node.value.length ? (end - start) / node.value.length : 1;
      for (let i = 0; i < node.value.length; i++) this.offsets.push(start + Math.floor(i * ratio));
      this.text += node.value;
    } else if (node.type === 'break') {
      this.separator(' ');
    } else if ('children' in node) {
      this.addAll(node.children as PhrasingContent[]);
    } else if (node.type === 'inlineCode') {
      this.separator(' '); // code is not prose, but keeps words apart
    }
  }
}
