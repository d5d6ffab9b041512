// The structured form of a note, from remark (unified + remark-parse + remark-gfm): the blocks
// that carry prose — headings, paragraphs, list items, table rows — each with its plain text, a
// map back to the source, its enclosing headings and parent list items. Diagnostics and quiz
// generation read it; the workspace index does not need it (see scan/noteScanner.ts).
//
// A note is parsed section by section (see chunkedParser.ts), and the next version of the note
// keeps the blocks of every section whose text did not change, so an edit re-parses only the
// section it touches.
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, Table, TableRow } from 'mdast';
import { parseSection, splitSections } from './chunkedParser';
import { MAX_INDENT, sectionsToParse } from './inputGuard';
import { normalizeNfc, type NormalizedText } from '../text/normalize';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableRow';

export interface Block {
  kind: BlockKind;
  /** Plain text of the block's own inline content (a list item without its sub-lists); inline code and struck-out text are blanked out. */
  text: string;
  /** `text` with inline code kept, for showing the block to a person (same length as `text`; struck-out text stays blank). */
  display: string;
  /** Offset of the block's section in the (NFC) note; `runs` are relative to it (see sourceOffset). */
  base: number;
  /** Maps an offset in the NFC text to the original text (they differ in notes saved as NFD). */
  toSource: (offset: number) => number;
  /**
   * Where `text` (and one character past its end) is in the section, as pairs of a text index and
   * its section offset, each starting a run of characters written one after the other.
   */
  runs: readonly number[];
  /** Heading level, for headings (label items such as `- * Aurora` have none). */
  depth?: number;
  /** Cells of a table row: ranges into `text`, and whether the row is the header. */
  cells?: { start: number; end: number }[];
  header?: boolean;
  /** The list item this block sits in (for list items: the parent item). */
  parent?: Block;
  /** Enclosing headings and label items, outermost first. */
  headings: Block[];
}

export interface NoteModel {
  blocks: Block[];
  /** Sections left without structure (too large or too deeply nested for remark). */
  unparsed: number;
  /** The note's parsed sections by text, for building its next version. */
  readonly sections: ReadonlyMap<string, SectionModel>;
}

export const EMPTY_MODEL: NoteModel = { blocks: [], unparsed: 0, sections: new Map() };

/** Offset in the note's text of character `index` of a block's text (`index` = text.length is its end). */
export function sourceOffset(block: Block, index: number): number {
  return block.toSource(block.base + sectionOffset(block.runs, index));
}

/** Offset in the note's text just after the character `end - 1` of a block's text. */
export function sourceEnd(block: Block, end: number): number {
  return block.toSource(block.base + sectionOffset(block.runs, end - 1) + 1);
}

function sectionOffset(runs: readonly number[], index: number): number {
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[2 * mid] <= index) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return runs[2 * lo + 1] + index - runs[2 * lo];
}

export interface SectionModel {
  blocks: Block[];
  /** Per block: its headings and label items inside the section. */
  localHeadings: Block[][];
  /** The section's heading stack at its end, for the sections after it. */
  headingsAtEnd: Block[];
  unparsed?: boolean;
}

/**
 * Builds the model of a note; block text is NFC, offsets point into the original text. Sections
 * unchanged since `previous`, the model of the note's last version, keep their blocks. Blocks
 * carry their place in one note, so they are never shared with another note, nor between two
 * sections of the same text: a repeated section gets blocks of its own from the tree remark
 * made of its first copy.
 */
export function buildNoteModel(original: string, previous?: Pick<NoteModel, 'sections'>): NoteModel {
  const note = new SplitNote(original);
  return note.model(previous);
}

/**
 * buildNoteModel for a caller that must not be held for long (a 200 KB note takes remark a third
 * of a second): every section text `previous` lacks, and every repeated one, is parsed first,
 * awaiting `pause` after each parse. `unparsed` hears, before any parse, how many sections
 * remark will not be given (see inputGuard.ts).
 */
export async function buildNoteModelPausing(
  original: string,
  previous: NoteModel | undefined,
  pause: () => Promise<void>,
  unparsed?: (sections: number) => void,
): Promise<NoteModel> {
  const note = new SplitNote(original);
  unparsed?.(note.texts.filter((text) => !note.parsable(text)).length);
  const parsed = new Map(previous?.sections);
  for (const text of new Set(note.texts)) {
    if (!parsed.has(text)) {
      parsed.set(text, sectionOf(text, note.parse(text)));
    } else if (note.repeats(text)) {
      note.parse(text); // its copies need blocks of their own
    } else {
      continue;
    }
    await pause();
  }
  return note.model({ sections: parsed });
}

/** A note cut into sections, parsing each distinct section text at most once. */
class SplitNote {
  private readonly norm: NormalizedText;
  private readonly bounds: [number, number][];
  readonly texts: string[];
  /** Trees of section texts that occur more than once, kept for as long as the note is being built. */
  private readonly trees = new Map<string, Root | undefined>();
  private readonly counts = new Map<string, number>();
  /** The section texts remark may parse (see inputGuard.ts). */
  private readonly toParse: ReadonlySet<string>;

  constructor(original: string) {
    this.norm = normalizeNfc(original);
    this.bounds = splitSections(this.norm.text);
    this.texts = this.bounds.map(([start, end]) => this.norm.text.slice(start, end));
    for (const text of this.texts) {
      this.counts.set(text, (this.counts.get(text) ?? 0) + 1);
    }
    this.toParse = sectionsToParse(this.texts);
  }

  parsable(text: string): boolean {
    return this.toParse.has(text);
  }

  repeats(text: string): boolean {
    return this.counts.get(text)! > 1;
  }

  parse(text: string): Root | undefined {
    if (this.trees.has(text)) {
      return this.trees.get(text);
    }
    const root = this.parsable(text) ? parseSection(text) : undefined;
    if (this.repeats(text)) {
      this.trees.set(text, root);
    }
    return root;
  }

  model(previous: Pick<NoteModel, 'sections'> | undefined): NoteModel {
    const blocks: Block[] = [];
    const sections = new Map<string, SectionModel>();
    let unparsed = 0;
    let outer: Block[] = [];
    // A label item (`- * Aurora`) titles what follows it up to the next heading or label, also in
    // the sections a long list is cut into.
    let label: Block | undefined;
    this.bounds.forEach(([start], k) => {
      const text = this.texts[k];
      const repeated = sections.has(text);
      const section = (!repeated && previous?.sections.get(text)) || sectionOf(text, this.parse(text));
      if (!repeated) {
        sections.set(text, section);
      }
      if (section.unparsed) {
        unparsed++;
      }
      const first = section.blocks[0];
      if (first?.depth !== undefined) {
        outer = outer.filter((h) => h.depth! < first.depth!);
      }
      if (first?.kind === 'heading') {
        label = first.depth === undefined ? first : undefined;
      }
      const context = label && label !== first ? [...outer, label] : outer;
      section.blocks.forEach((b, i) => {
        b.base = start;
        b.toSource = this.norm.toOriginal;
        b.headings = (b === label ? outer : context).concat(section.localHeadings[i]);
        blocks.push(b);
      });
      outer = outer.concat(section.headingsAtEnd);
    });
    return { blocks, unparsed, sections };
  }
}

const identity = (offset: number) => offset;

/** Walking a tree nested thousands deep can overflow the stack too: then the section has no structure. */
function sectionOf(text: string, root: Root | undefined): SectionModel {
  try {
    if (root) {
      return collect(text, root);
    }
  } catch {
    // fall through
  }
  return { blocks: [], localHeadings: [], headingsAtEnd: [], unparsed: true };
}

/** The blocks of a section's tree; `source` is the section's text. */
function collect(source: string, root: Root): SectionModel {
  const model: SectionModel = { blocks: [], localHeadings: [], headingsAtEnd: [] };
  const headingStack = model.headingsAtEnd;
  const add = (block: Block, headings: Block[]) => {
    model.blocks.push(block);
    model.localHeadings.push(headings);
  };
  const context = (labels: Block[]) => [...headingStack, ...labels];
  const leads = new Map<Nodes, Block[]>();
  const visit = (node: Nodes, parent: Block | undefined, labels: Block[]): void => {
    switch (node.type) {
      case 'heading': {
        while (headingStack.length && headingStack[headingStack.length - 1].depth! >= node.depth) {
          headingStack.pop();
        }
        const block = inlineBlock(source, 'heading', node.children, parent);
        block.depth = node.depth;
        add(block, headingStack.slice());
        headingStack.push(block);
        return;
      }
      case 'paragraph':
        add(inlineBlock(source, 'paragraph', node.children, parent), context(labels));
        return;
      case 'list': {
        // A label item (`- * Aurora`) titles the sibling items after it, like a heading.
        let label: Block | undefined;
        for (const item of (node as List).children) {
          const labelPara = labelOf(item);
          if (labelPara) {
            label = inlineBlock(source, 'heading', labelPara.children, parent);
            add(label, context(labels));
          } else {
            visit(item, parent, label ? [...labels, label] : labels);
          }
        }
        return;
      }
      case 'listItem': {
        const para = firstParagraph(node);
        const item = inlineBlock(source, 'listItem', para ? para.children : [], parent);
        add(item, context(labels));
        for (const child of node.children) {
          if (child !== para) {
            visit(child, item, labels);
          }
        }
        return;
      }
      case 'table':
        (node as Table).children.forEach((row, i) => add(rowBlock(source, row, i === 0, parent), context(labels)));
        return;
      case 'blockquote':
      case 'root':
        node.children.forEach((child, i) => {
          const next = node.children[i + 1];
          if (child.type === 'paragraph' && next?.type === 'list' && titlesList(source, child, next)) {
            // `배치 그룹 (Placement Group)` on the line above a list titles its items, like a heading.
            const title = inlineBlock(source, 'paragraph', child.children, parent);
            add(title, context(labels));
            leads.set(next, [...labels, title]);
          } else {
            visit(child, parent, leads.get(child) ?? labels);
          }
        });
        return;
      default:
        return; // code, HTML, thematic breaks, definitions, front matter: no prose
    }
  };
  visit(root, undefined, []);
  // Headings of an enclosing section come from the note; only the section's own stay here.
  return model;
}

/** Longest one-line paragraph read as the title of the list right below it. */
const MAX_LIST_TITLE_CHARS = 40;

/**
 * A short line with no sentence in it (no full stop, comma or colon but a trailing one) directly
 * above a list, with no blank line between: the list's title.
 */
function titlesList(source: string, para: Paragraph, list: List): boolean {
  const start = para.position!.start;
  const end = para.position!.end;
  if (start.line !== end.line || list.position!.start.line !== end.line + 1) {
    return false;
  }
  const text = source
    .slice(start.offset!, end.offset!)
    .trim()
    .replace(/[:：]$/, '');
  return text.length <= MAX_LIST_TITLE_CHARS && !/[.,;:：!?。]|[다함음임됨]$/.test(text);
}

/** The paragraph of an item that holds nothing but a one-line bullet (`- * Aurora`), if it is one. */
function labelOf(item: ListItem): Paragraph | undefined {
  const [only] = item.children;
  if (item.children.length !== 1 || only.type !== 'list' || only.children.length !== 1) {
    return undefined;
  }
  const inner = only.children[0];
  const para = inner.children.length === 1 ? firstParagraph(inner) : undefined;
  return para && para.position!.start.line === para.position!.end.line ? para : undefined;
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  return item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
}

function inlineBlock(source: string, kind: BlockKind, children: PhrasingContent[], parent: Block | undefined): Block {
  const acc = new TextAccumulator(source);
  acc.addAll(children);
  return { kind, ...acc.finish(), base: 0, toSource: identity, parent, headings: [] };
}

function rowBlock(source: string, row: TableRow, header: boolean, parent: Block | undefined): Block {
  const acc = new TextAccumulator(source);
  const cells: { start: number; end: number }[] = [];
  row.children.forEach((cell, i) => {
    if (i > 0) {
      acc.separator(' | ');
    }
    const start = acc.length;
    acc.addAll(cell.children);
    cells.push({ start, end: acc.length });
  });
  return { kind: 'tableRow', ...acc.finish(), cells, header, base: 0, toSource: identity, parent, headings: [] };
}

/**
 * The longest run of source characters Markdown drops between two of a value's: an entity, or an
 * indent, which stays under MAX_INDENT (deeper sections are not parsed).
 */
const MAX_DROPPED_RUN = MAX_INDENT + 28;

/** Builds a block's plain text from inline nodes, remembering where each character came from. */
class TextAccumulator {
  // Parts joined at the end: strings built with += stay trees of pieces for as long as a block lives.
  private readonly text: string[] = [];
  private readonly display: string[] = [];
  private displayDiffers = false;
  /** See Block.runs: a typed array of an offset per character took half of a model's memory. */
  private readonly runs: number[] = [];
  private count = 0;
  /** Section offset of the last character mapped. */
  private last = -1;

  /** `source`: the section's text, which node positions point into. */
  constructor(private readonly source: string) {}

  get length(): number {
    return this.count;
  }

  addAll(nodes: PhrasingContent[]): void {
    for (const n of nodes) {
      this.add(n);
    }
  }

  separator(s: string): void {
    const at = this.last + 1;
    for (let i = 0; i < s.length; i++) {
      this.map(at);
    }
    this.text.push(s);
    this.display.push(s);
  }

  finish(): { text: string; display: string; runs: number[] } {
    this.map(this.last + 1); // the end
    const text = this.text.join('');
    // A copy of exact size: an array grown by push keeps room for more, times 17,000 blocks.
    return { text, display: this.displayDiffers ? this.display.join('') : text, runs: this.runs.slice() };
  }

  /**
   * Maps each character of a node's value to where the source has it. The value is the source
   * less what Markdown drops — escapes, entity syntax, continuation indents, code backticks — so
   * each character is looked for only as far ahead as the source still has characters to spare.
   */
  private align(value: string, start: number, end: number): void {
    let at = start;
    for (let i = 0; i < value.length; i++) {
      const reach = at + Math.min(end - at - (value.length - i), MAX_DROPPED_RUN);
      let found = at;
      while (found <= reach && this.source[found] !== value[i]) {
        found++;
      }
      if (found <= reach) {
        at = found;
      } // else a character the source spells otherwise (an entity): keep the place
      this.map(at);
      at = Math.min(at + 1, end);
    }
  }

  /** The next character of the text comes from `offset` of the section. */
  private map(offset: number): void {
    if (offset !== this.last + 1 || !this.runs.length) {
      this.runs.push(this.count, offset);
    }
    this.last = offset;
    this.count++;
  }

  /** `struck`: inside `~~…~~`, which the note's author has crossed out: blank in both texts. */
  private add(node: PhrasingContent, struck = false): void {
    if (node.type === 'text' || node.type === 'inlineCode') {
      this.align(node.value, node.position!.start.offset!, node.position!.end.offset!);
      const blank = ' '.repeat(node.value.length);
      const text = node.type === 'text' && !struck ? node.value : blank;
      const display = struck ? blank : node.value;
      this.text.push(text);
      this.display.push(display);
      this.displayDiffers ||= display !== text;
    } else if (node.type === 'break') {
      this.separator(' ');
    } else if ('children' in node) {
      for (const child of node.children as PhrasingContent[]) {
        this.add(child, struck || node.type === 'delete');
      }
    }
  }
}
