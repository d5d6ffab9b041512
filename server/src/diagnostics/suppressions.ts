// Comments that silence findings or date a passage:
//   <!-- cloud-notes-disable-next-line [ID…] -->   the next line
//   <!-- cloud-notes-disable-line [ID…] -->        this line (fits list items and table rows)
//   <!-- cloud-notes-disable [ID…] --> … <!-- cloud-notes-enable [ID…] -->   a range (to the end without enable)
//   <!-- as-of: 2019 -->   what follows, up to the next heading, describes that year (file-wide before the first heading)
// Without IDs a comment applies to every rule.

import { ATX_HEADING } from '../parse/markdownLines';

const COMMENT = /<!--\s*(cloud-notes-(?:disable-next-line|disable-line|disable|enable)|as-of:)\s*([^>]*?)\s*-->/g;
const ALL = '*';

export interface Suppressions {
  /** Whether rule `id` is silenced on `line`. */
  isSuppressed(id: string, line: number): boolean;
  /** The as-of year that applies to `line`, if any. */
  asOf(line: number): number | undefined;
}

export function findSuppressions(lines: readonly string[]): Suppressions {
  const lineRules = new Map<number, Set<string>>();
  const ranges: { ids: Set<string>; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const asOfRanges: { year: number; from: number; to: number }[] = [];
  let pendingAsOf: { year: number; from: number; fileLevel: boolean } | undefined;
  let seenHeading = false;

  const closeAsOf = (to: number) => {
    if (pendingAsOf) {
      asOfRanges.push({ year: pendingAsOf.year, from: pendingAsOf.from, to });
    }
    pendingAsOf = undefined;
  };

  lines.forEach((text, line) => {
    if (ATX_HEADING.test(text)) {
      if (pendingAsOf && !pendingAsOf.fileLevel) {
        closeAsOf(line - 1);
      }
      seenHeading = true;
    }
    if (!text.includes('<!--')) {
      return;
    }
    for (const m of text.matchAll(COMMENT)) {
      const [, kind, rest] = m;
      const ids = rest.split(/[\s,]+/).filter(Boolean);
      const keys = ids.length ? ids : [ALL];
      if (kind === 'as-of:') {
        const year = Number(/\d{4}/.exec(rest)?.[0]);
        if (year) {
          closeAsOf(line - 1);
          pendingAsOf = { year, from: line, fileLevel: !seenHeading };
        }
      } else if (kind === 'cloud-notes-disable-next-line') {
        add(lineRules, line + 1, keys);
      } else if (kind === 'cloud-notes-disable-line') {
        add(lineRules, line, keys);
      } else if (kind === 'cloud-notes-disable') {
        for (const k of keys) {
          if (!open.has(k)) {
            open.set(k, line);
          }
        }
      } else {
        for (const k of ids.length ? ids : [...open.keys()]) {
          const from = open.get(k);
          if (from === undefined) {
            continue;
          }
          ranges.push({ ids: new Set([k]), from, to: line });
          open.delete(k);
        }
      }
    }
  });
  for (const [k, from] of open) {
    ranges.push({ ids: new Set([k]), from, to: Infinity });
  }
  closeAsOf(Infinity);

  return {
    isSuppressed(id, line) {
      const rules = lineRules.get(line);
      if (rules && (rules.has(id) || rules.has(ALL))) {
        return true;
      }
      return ranges.some((r) => line >= r.from && line <= r.to && (r.ids.has(id) || r.ids.has(ALL)));
    },
    asOf(line) {
      return asOfRanges.find((r) => line >= r.from && line <= r.to)?.year;
    },
  };
}

function add(map: Map<number, Set<string>>, line: number, keys: string[]) {
  let set = map.get(line);
  if (!set) {
    map.set(line, (set = new Set()));
  }
  for (const k of keys) {
    set.add(k);
  }
}
