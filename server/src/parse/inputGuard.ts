// remark's cost is not linear in its input: containers opened on one line (`- - - … x`), lines
// nested deep, and runs of emphasis or bracket delimiters in one paragraph cost about the square
// of their count (50 s for 20 KB of `- `). One linear pass estimates what remark would spend on a
// section, so a section that would hold the server is left unparsed before remark sees it.

/** Estimated parse cost, in microseconds of remark (fitted to timings of the shapes in test/helpers/hostileInputs.ts). */
const COST = {
  char: 2,
  /** A line remark starts or continues a block on. */
  line: 150,
  /** Each container (list item, quote, indent level) a line opens or continues… */
  level: 200,
  /** …plus the square of their number on one line. */
  levelSquared: 0.3,
  /** Each table cell delimiter. */
  pipe: 70,
  /** Each emphasis, strikethrough, bracket or code delimiter run, plus each earlier one in its paragraph. */
  delimiter: 60,
  delimiterPair: 0.1,
};

/** What remark may spend: per section, per character of a costly section, per note. */
const LIMIT = {
  /** The most remark may spend on one section (well under a request's patience on a slow machine). */
  section: 250_000,
  /** Past `denseFrom`, a section may cost at most this much per character (notes stay under 30; plain text costs 2–10)… */
  perChar: 50,
  denseFrom: 20_000,
  /** …and a note `noteBase` plus `notePerChar` per character: many small sections of nesting add up. */
  noteBase: 250_000,
  notePerChar: 40,
  /** Beyond this remark would hold the server for seconds whatever the content. */
  chars: 128 * 1024,
  /** Containers on one line deeper than notes ever go, which can overflow remark's stack. */
  depth: 50,
  /** Quote and list markers on one line (notes have up to 2 or 3: `> - [ ]`). */
  markers: 8,
};

/** Indentation stays under this many columns in a parsed section (noteModel.ts relies on it to map text back). */
export const MAX_INDENT = 100;

/**
 * The distinct section texts of a note that remark may parse, in note order: each within
 * LIMIT.section and LIMIT.perChar, and all together within the note's allowance (a copy of
 * a section costs nothing more: its tree is reused).
 */
export function sectionsToParse(sections: readonly string[]): Set<string> {
  let allowance = LIMIT.noteBase;
  for (const text of sections) {
    allowance += text.length * LIMIT.notePerChar;
  }
  const chosen = new Set<string>();
  const seen = new Set<string>();
  for (const text of sections) {
    if (seen.has(text)) {
      continue;
    }
    seen.add(text);
    const cost = sectionCost(text);
    if (cost <= allowance) {
      chosen.add(text);
      allowance -= cost;
    }
  }
  return chosen;
}

/** What remark would spend on a section, or Infinity if it is not to be given one on its own. */
function sectionCost(section: string): number {
  if (section.length > LIMIT.chars) {
    return Infinity;
  }
  const cost = parseCost(section);
  return cost <= LIMIT.section && (cost <= LIMIT.denseFrom || cost <= section.length * LIMIT.perChar) ? cost : Infinity;
}

/** A linear estimate of remark's cost for a section (see the constants above). */
function parseCost(section: string): number {
  let cost = section.length * COST.char;
  let delimiters = 0; // delimiter runs in the current paragraph
  let fence = ''; // the fence character of an open code fence
  for (let i = 0; i < section.length && cost <= LIMIT.section;) {
    const { quotes, items, indent, end } = containerPrefix(section, i);
    // Indentation inside a code fence is code; markers may still end the fence and nest.
    const depth = quotes + items + (fence ? 0 : Math.floor(indent / 3));
    if (depth >= LIMIT.depth || quotes + items > LIMIT.markers || indent >= MAX_INDENT) {
      return Infinity;
    }
    i = end;
    const first = section[i];
    if ((first === '`' || first === '~') && section[i + 1] === first && section[i + 2] === first && (!fence || fence === first)) {
      fence = fence ? '' : first;
      delimiters = 0;
    }
    let blank = true;
    let previous = '';
    for (; i < section.length; i++) {
      const c = section[i];
      if (c === '\n' || c === '\r') {
        break;
      }
      if (c !== ' ' && c !== '\t') {
        blank = false;
      }
      if (c === '|') {
        cost += COST.pipe;
      } else if (fence) {
        // code: no inline syntax
      } else if (c === '[' || c === ']' || (isEmphasisOrCode(c) && c !== previous)) {
        cost += COST.delimiter + delimiters * COST.delimiterPair; // each bracket, or a run of `*`, `_`, `~` or `` ` ``
        delimiters++;
      }
      previous = c;
    }
    if (blank || items > 0 || first === '|') {
      delimiters = 0; // a blank line or a new item ends the paragraph; table cells are parsed one by one
    }
    cost += COST.line + depth * COST.level + depth * depth * COST.levelSquared;
    i += section[i] === '\r' && section[i + 1] === '\n' ? 2 : 1;
  }
  return cost;
}

/**
 * The quote and list markers a line starts with, and its indentation in columns (every two to
 * four columns may continue an item).
 */
function containerPrefix(text: string, start: number): { quotes: number; items: number; indent: number; end: number } {
  let quotes = 0;
  let items = 0;
  let indent = 0;
  let i = start;
  for (;;) {
    const c = text[i];
    if (c === ' ') {
      indent++;
      i++;
    } else if (c === '\t') {
      indent += 4;
      i++;
    } else {
      const quote = c === '>';
      const marker = quote ? i + 1 : listMarkerEnd(text, i);
      if (marker < 0) {
        break;
      }
      if (quote) {
        quotes++;
      } else {
        items++;
      }
      i = marker;
      for (let space = 0; space < 4 && text[i] === ' '; space++) {
        i++; // the marker's own spacing
      }
    }
  }
  return { quotes, items, indent, end: i };
}

/** The end of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `i` followed by a space or tab, or -1. */
function listMarkerEnd(text: string, i: number): number {
  let j = i;
  const c = text[j];
  if (c === '-' || c === '*' || c === '+') {
    j++;
  } else {
    while (j - i < 9 && isDigit(text[j])) {
      j++;
    }
    const close = text[j];
    if (j === i || (close !== '.' && close !== ')')) {
      return -1;
    }
    j++;
  }
  const after = text[j];
  return after === ' ' || after === '\t' ? j : -1;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** `*`, `_`, `~`, `` ` ``: runs micromark matches against the earlier runs of its paragraph (as it does brackets). */
function isEmphasisOrCode(c: string): boolean {
  return c === '*' || c === '_' || c === '~' || c === '`';
}
