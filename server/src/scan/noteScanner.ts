// The fast pass over a note that the workspace index is built from: one linear scan per line,
// no syntax tree. It finds headings, term occurrences (outside code, HTML, front matter and URLs)
// and the places where a note defines a term. remark runs only where a real tree is needed.
import { normalizeNfc } from '../text/normalize';
import { LineMap, lineEnd } from '../text/lineMap';
import { resolveInContext, type TermMatch, type TermMatcher } from '../terms/termMatcher';
import { forEachProseRun } from './inlineMask';
import { ATX_HEADING, closesFence, fenceOpened, frontMatterEnd, LABEL_ITEM, LIST_ITEM, SETEXT_UNDERLINE } from '../parse/markdownLines';
import { definedInHeading, definedInItem, definedInCell } from './definitionShapes';
import { abbreviationsIn, ownTermInHeading, ownTermInItem, type OwnTerm } from './ownTerms';

export type DefinitionKind = 'heading' | 'item' | 'table';

export interface DefinitionSite {
  entry: number;
  line: number;
  start: number;
  end: number;
  kind: DefinitionKind;
}

export interface HeadingInfo {
  level: number;
  text: string;
  line: number;
}

/** Flat typed arrays, so that 10,000 notes stay small in memory and quick to persist. */
export interface ScannedNote {
  /** Four numbers per occurrence: entry index, line, start character, end character (UTF-16). */
  occurrences: Int32Array;
  /** Five numbers per definition: entry index, line, start, end, kind (index in DEFINITION_KINDS). */
  definitions: Int32Array;
  /** Two numbers per heading: level, line. */
  headings: Int32Array;
  /** The headings' texts, joined by newlines. */
  headingText: string;
  /** Terms the note defines that the glossary lacks, one per line: line, start, end, names (`|`), gist, tab-separated. */
  ownTerms: string;
}

export const EMPTY_SCAN: ScannedNote = Object.freeze({
  occurrences: new Int32Array(0),
  definitions: new Int32Array(0),
  headings: new Int32Array(0),
  headingText: '',
  ownTerms: '',
});

/** Visits a note's occurrences in order; `false` stops. */
export function forEachOccurrence(
  note: ScannedNote,
  visit: (entry: number, line: number, start: number, end: number) => boolean | void,
): void {
  const occ = note.occurrences;
  for (let i = 0; i < occ.length; i += 4) {
    if (visit(occ[i], occ[i + 1], occ[i + 2], occ[i + 3]) === false) {
      return;
    }
  }
}

export function occurrenceCount(note: ScannedNote): number {
  return note.occurrences.length / 4;
}

/** The glossary entries a note defines, once per definition. */
export function forEachDefinedEntry(note: ScannedNote, visit: (entry: number) => void): void {
  const d = note.definitions;
  for (let i = 0; i < d.length; i += 5) {
    visit(d[i]);
  }
}

export interface OwnTermSite extends OwnTerm {
  line: number;
}

export function ownTermsOf(note: ScannedNote): OwnTermSite[] {
  if (!note.ownTerms) {
    return [];
  }
  return note.ownTerms.split('\n').map((record) => {
    const [line, start, end, names, gist] = record.split('\t');
    return { line: +line, start: +start, end: +end, names: names.split('|'), gist };
  });
}

const DEFINITION_KINDS: readonly DefinitionKind[] = ['heading', 'item', 'table'];

export function definitionSites(note: ScannedNote): DefinitionSite[] {
  const d = note.definitions;
  const sites: DefinitionSite[] = [];
  for (let i = 0; i < d.length; i += 5) {
    sites.push({ entry: d[i], line: d[i + 1], start: d[i + 2], end: d[i + 3], kind: DEFINITION_KINDS[d[i + 4]] });
  }
  return sites;
}

export function headingsOf(note: ScannedNote): HeadingInfo[] {
  const texts = note.headingText.split('\n');
  const h = note.headings;
  const headings: HeadingInfo[] = [];
  for (let i = 0; i < h.length; i += 2) {
    headings.push({ level: h[i], line: h[i + 1], text: texts[i / 2] });
  }
  return headings;
}

type Span = [line: number, start: number, end: number];

const HTML_BLOCK = /^ {0,3}<(?:!--|\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$))/;
/** HTML blocks whose content is not prose (CommonMark's first kind): they end at the closing tag, not at a blank line. */
const RAW_HTML_BLOCK = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLANK = /^[ \t]*$/;

export function scanNote(original: string, matcher: TermMatcher): ScannedNote {
  const norm = normalizeNfc(original);
  const text = norm.text;
  const identity = text === original;
  const originalLines = identity ? undefined : new LineMap(original);

  const occurrences: number[] = [];
  const definitions: number[] = [];
  const headings: number[] = [];
  const headingTexts: string[] = [];
  const heading = (level: number, headingText: string, line: number) => {
    headings.push(level, line);
    headingTexts.push(headingText);
  };

  let lineNo = 0;
  let lineStart = 0;
  /** Line, start and end character in the original text of a span of the normalized text. */
  /** Line and character span of [start, end), on the current line unless told another (its number and start). */
  const span = (start: number, end: number, line = lineNo, origin = lineStart): Span => {
    if (identity) {
      return [line, start - origin, end - origin];
    }
    const p = originalLines!.positionAt(norm.toOriginal(start));
    return [p.line, p.character, p.character + norm.toOriginal(end) - norm.toOriginal(start)];
  };

  // Matches of aliases that only count if a required term shows up in the same section or in
  // the sections that enclose it (open sections, by heading level; label items are level 7).
  const sections: { level: number; entries: Set<number> }[] = [{ level: 0, entries: new Set() }];
  let pending: { match: TermMatch; at: Span }[] = [];
  const emit = (m: TermMatch, at: Span) => {
    sections[sections.length - 1].entries.add(m.entry);
    occurrences.push(m.entry, ...at);
  };
  const closeSection = (nextLevel: number) => {
    if (pending.length) {
      // Bare nouns are frequent and their requirements long: test them against one set of what the open sections mention.
      const mentioned = new Set<number>();
      for (const s of sections) {
        for (const e of s.entries) {
          mentioned.add(e);
        }
      }
      for (const p of pending) {
        const resolved = resolveInContext(p.match, (e) => mentioned.has(e));
        if (resolved) {
          emit(resolved, p.at);
        }
      }
      pending = [];
    }
    while (sections.length > 1 && sections[sections.length - 1].level >= nextLevel) {
      sections.pop();
    }
    sections.push({ level: nextLevel, entries: new Set() });
  };
  const matchRun = (from: number, to: number, found: TermMatch[] = []): TermMatch[] => {
    const before = found.length;
    matcher.find(text, from, to, found);
    for (let i = before; i < found.length; i++) {
      const m = found[i];
      const at = span(m.start, m.end);
      if (m.requires) {
        pending.push({ match: m, at });
      } else {
        emit(m, at);
      }
    }
    return found;
  };
  const matchProse = (from: number, to: number): TermMatch[] => {
    const found: TermMatch[] = [];
    inComment = forEachProseRun(text, from, to, (a, b) => matchRun(a, b, found));
    return found;
  };
  const define = (matches: TermMatch[], kind: DefinitionKind, line = lineNo, origin = lineStart) => {
    for (const m of matches) {
      definitions.push(m.entry, ...span(m.start, m.end, line, origin), DEFINITION_KINDS.indexOf(kind));
    }
    return matches.length > 0;
  };
  const ownTerms: string[] = [];
  const own = (term: OwnTerm | undefined) => {
    if (term) {
      ownTerms.push([...span(term.start, term.end), term.names.join('|'), term.gist.replace(/\s+/g, ' ')].join('\t'));
    }
  };
  /** A line's own terms: what it defines that the glossary lacks, and abbreviations it introduces. */
  const defineOwn = (term: OwnTerm | undefined, from: number, to: number, matches: TermMatch[]) => {
    own(term);
    for (const abbreviation of abbreviationsIn(text, from, to, matches)) {
      if (!term || abbreviation.start >= term.end) {
        own(abbreviation);
      }
    }
  };

  let fence: string | undefined;
  const frontMatter = frontMatterEnd(text);
  let inHtmlBlock = false;
  /** The closing tag of an open raw HTML block (`</pre>`). */
  let rawHtmlEnd: string | undefined;
  let inComment = false;
  let inTable = false;
  let previousWasParagraph = false;
  let previousLine: { start: number; end: number; matches: TermMatch[]; lineNo: number; lineStart: number } | undefined;

  for (;;) {
    const { end: contentEnd, next: nextStart } = lineEnd(text, lineStart);
    const line = text.slice(lineStart, contentEnd);
    let paragraph = false;

    if (lineStart < frontMatter) {
      // YAML: no prose
    } else if (fence !== undefined) {
      if (closesFence(line, fence)) {
        fence = undefined;
      }
    } else if (inComment) {
      const close = line.indexOf('-->');
      if (close !== -1) {
        inComment = false;
        matchProse(lineStart + close + 3, contentEnd);
      }
    } else if (rawHtmlEnd !== undefined) {
      if (line.toLowerCase().includes(rawHtmlEnd)) {
        rawHtmlEnd = undefined;
      }
    } else if (inHtmlBlock) {
      // Blog exports put `<a name="…"></a>` above each heading: by CommonMark the section that follows, up
      // to a blank line, is HTML, but it reads as prose, so only tags and comments are left out.
      inHtmlBlock = !BLANK.test(line);
      if (inHtmlBlock) {
        matchProse(lineStart, contentEnd);
      }
    } else if (BLANK.test(line)) {
      inTable = false;
    } else {
      const fenceOpen = fenceOpened(line);
      const atx = ATX_HEADING.exec(line);
      if (fenceOpen) {
        fence = fenceOpen;
      } else if (atx) {
        closeSection(atx[1].length);
        const content = lineStart + atx[0].length;
        const headingText = line
          .slice(atx[0].length)
          .replace(/[ \t]+#+[ \t]*$/, '')
          .trim();
        heading(atx[1].length, headingText, lineNo);
        const matches = matchProse(content, contentEnd);
        if (!define(definedInHeading(text, content, contentEnd, matches), 'heading')) {
          defineOwn(ownTermInHeading(text, content, contentEnd, matches), content, contentEnd, matches);
        }
      } else if (previousWasParagraph && previousLine && SETEXT_UNDERLINE.test(line)) {
        heading(line.trim()[0] === '=' ? 1 : 2, text.slice(previousLine.start, previousLine.end).trim(), lineNo - 1);
        define(
          definedInHeading(text, previousLine.start, previousLine.end, previousLine.matches),
          'heading',
          previousLine.lineNo,
          previousLine.lineStart,
        );
      } else if (HTML_BLOCK.test(line)) {
        const raw = RAW_HTML_BLOCK.exec(line);
        if (line.trimStart().startsWith('<!--')) {
          inComment = !line.includes('-->');
        } else if (raw) {
          rawHtmlEnd = line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`) ? undefined : `</${raw[1].toLowerCase()}>`;
        } else {
          inHtmlBlock = true;
          matchProse(lineStart, contentEnd);
        }
      } else if (inTable || (line.includes('|') && TABLE_DELIMITER.test(nextLine(text, nextStart)))) {
        const header = !inTable;
        inTable = true;
        if (!TABLE_DELIMITER.test(line)) {
          scanTableRow(lineStart, contentEnd, header);
        }
      } else if (LABEL_ITEM.test(line)) {
        closeSection(7);
        const content = lineStart + LABEL_ITEM.exec(line)![0].length;
        define(definedInHeading(text, content, contentEnd, matchProse(content, contentEnd)), 'heading');
      } else {
        const item = LIST_ITEM.exec(line);
        const content = lineStart + (item ? item[0].length : line.length - line.trimStart().length);
        const matches = matchProse(content, contentEnd);
        if (!define(definedInItem(text, content, contentEnd, matches), 'item')) {
          defineOwn(ownTermInItem(text, content, contentEnd, matches), content, contentEnd, matches);
        }
        paragraph = !item;
        previousLine = { start: content, end: contentEnd, matches, lineNo, lineStart };
      }
    }

    previousWasParagraph = paragraph;
    if (nextStart === -1) {
      break;
    }
    lineStart = nextStart;
    lineNo++;
  }
  closeSection(0);
  return {
    occurrences: Int32Array.from(occurrences),
    definitions: Int32Array.from(definitions),
    headings: Int32Array.from(headings),
    headingText: headingTexts.join('\n'),
    ownTerms: ownTerms.join('\n'),
  };

  function scanTableRow(start: number, end: number, header: boolean) {
    let cellStart = start;
    let index = 0;
    const row = text.slice(start, end);
    const leading = row.match(/^[ \t]*\|/);
    if (leading) {
      cellStart += leading[0].length;
    }
    for (const cellEnd of cellBoundaries(text, cellStart, end)) {
      const matches = matchProse(cellStart, cellEnd);
      if (header || index === 0) {
        define(definedInCell(text, cellStart, cellEnd, matches), 'table');
      }
      cellStart = cellEnd + 1;
      index++;
    }
  }
}

function nextLine(text: string, start: number): string {
  return start === -1 ? '' : text.slice(start, lineEnd(text, start).end);
}

/** Offsets of the cell separators of a table row (pipes outside code spans and not escaped), plus the row end. */
function cellBoundaries(text: string, start: number, end: number): number[] {
  const bounds: number[] = [];
  let inCode = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 96) {
      inCode = !inCode;
    } else if (c === 92) {
      i++;
    } else if (c === 124 && !inCode) {
      bounds.push(i);
    }
  }
  const tail = text.slice(bounds.length ? bounds[bounds.length - 1] + 1 : start, end);
  if (!bounds.length || !BLANK.test(tail)) {
    bounds.push(end);
  }
  return bounds;
}
