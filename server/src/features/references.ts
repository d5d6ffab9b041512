// References: every mention of a term in any note, under any of its names.
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineRange, mentionRanges, ownTermAt, termAt, type FeatureContext } from './context';
import { scanNote } from '../scan/noteScanner';
import type { Cancellation } from '../async/turns';

export async function references(ctx: FeatureContext, doc: TextDocument, pos: Position, token?: Cancellation): Promise<Location[]> {
  const term = termAt(ctx, doc, pos);
  if (term) {
    return mentionsOf(ctx, term.entryIndex);
  }
  const own = ownTermAt(ctx, doc, pos);
  return own ? ownTermMentions(ctx, own.termIndex, token) : [];
}

/** The index holds glossary terms only: mentions of the notes' own terms are found by reading every note. */
async function ownTermMentions(ctx: FeatureContext, termIndex: number, token?: Cancellation): Promise<Location[]> {
  const { matcher } = ctx.vocabulary();
  const found: Location[] = [];
  await ctx.forEachNoteText((uri, text) => {
    for (const range of mentionRanges(scanNote(text, matcher), termIndex)) {
      found.push({ uri, range });
    }
  }, token);
  return found;
}

export function mentionsOf(ctx: FeatureContext, entryIndex: number): Location[] {
  const found: Location[] = [];
  const range = sharedRanges();
  ctx.index.forEachMention(entryIndex, (uri, line, start, end) => {
    found.push({ uri, range: range(line, start, end) });
  });
  return found;
}

/**
 * Mentions at the same line and columns of different notes share one range object: a frequent
 * term has 100,000 mentions but about a tenth as many distinct ranges, and three fresh objects per
 * mention were most of the server's peak memory while such an answer was serialised.
 */
function sharedRanges(): (line: number, start: number, end: number) => Range {
  const ranges = new Map<number, Range>();
  return (line, start, end) => {
    // The key packs all three numbers; past 2M lines or 65,535 columns (pasted data) a range is not shared.
    if (line >= 2 ** 21 || end >= 2 ** 16) {
      return lineRange(line, start, end);
    }
    const key = (line * 2 ** 16 + start) * 2 ** 16 + end;
    let range = ranges.get(key);
    if (!range) {
      ranges.set(key, (range = lineRange(line, start, end)));
    }
    return range;
  };
}
