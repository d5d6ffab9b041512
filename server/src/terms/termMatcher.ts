// Finds glossary terms in prose: a trie over every alias with spaces and hyphens optional, keyed by
// spelling-folded characters (case, Korean loanword variants), English inflections of each alias, an
// optional vendor prefix (`AWS RDS`, `아마존 EBS`), longest match first, and boundaries that know
// Korean word structure.
import type { Glossary } from '../knowledge/glossary';
import { isAsciiAlnum, isHangul, isJoiner } from '../text/charClass';
import { isKoreanSuffix } from './koreanSuffixes';
import { MATCH_KEY } from './spellingFold';
import { inflections } from './englishInflections';

export interface TermMatch {
  /** Index of the entry in `glossary.entries`. */
  entry: number;
  start: number;
  end: number;
  /** Entry indices of which one must be mentioned in the same section for this match to count. */
  requires?: readonly number[];
  /**
   * Other entries the same context-bound words stand for in other sections (`레코드` is a DNS record
   * under Route 53, a data record under Kinesis): see resolveInContext.
   */
  alternatives?: readonly { entry: number; requires: readonly number[] }[];
}

/**
 * What a match stands for where `mentioned` tells which entries its section names: itself, one of its
 * alternatives, or nothing when none of their requirements is met.
 */
export function resolveInContext(m: TermMatch, mentioned: (entry: number) => boolean): TermMatch | undefined {
  if (!m.requires) {
    return m;
  }
  if (m.requires.some(mentioned)) {
    return m.alternatives ? { entry: m.entry, start: m.start, end: m.end, requires: m.requires } : m;
  }
  const alternative = m.alternatives?.find((a) => a.requires.some(mentioned));
  return alternative && { entry: alternative.entry, start: m.start, end: m.end, requires: alternative.requires };
}

type CaseRule = 'any' | 'exact' | 'exactOrLower';

interface Terminal {
  entry: number;
  caseRule: CaseRule;
  /** The alias without joiners, for case checks. */
  exact: string;
  requires?: number[];
}

/** Most nodes have one child: it is kept inline, and a map only where the trie branches. */
interface TrieNode {
  onlyKey: number;
  only: TrieNode | undefined;
  next: Map<number, TrieNode> | undefined;
  terminals: Terminal[] | undefined;
}

/** Punctuation that glues a word into an identifier or a host name. */
const IDENT_GLUE = new Set([95 /* _ */, 46 /* . */, 64 /* @ */, 36 /* $ */]);
const MAX_SPACES = 2;
/** What learners put before a service name that is not part of its official name: `AWS RDS`, `Amazon Lambda`, `아마존 EBS`. */
const VENDOR_PREFIX = /^(?:aws|amazon|아마존)(?:[ \t\u00a0]{1,2}|-)/i;
/** The matching keys a vendor prefix starts with (`a`, `아`). */
const PREFIX_A = MATCH_KEY[97];
const PREFIX_AH = MATCH_KEY['아'.charCodeAt(0)];

export class TermMatcher {
  private readonly root = new Map<number, TrieNode>();
  /** Code units that start some alias (case-folded): most characters of a note are rejected with one array read. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(readonly glossary: Glossary) {
    const index = new Map(glossary.entries.map((e, i) => [e.id, i]));
    const specs = glossary.entries.map((entry) =>
      entry.aliases.map((alias) => {
        const spec = typeof alias === 'string' ? { text: alias } : alias;
        const requires = spec.requires?.map((id) => {
          const r = index.get(id);
          if (r === undefined) {
            throw new Error(`glossary: ${entry.id} alias ${spec.text} requires unknown id ${id}`);
          }
          return r;
        });
        return { ...spec, requires };
      }),
    );
    specs.forEach((aliases, i) => aliases.forEach((a) => this.insert(a.text, i, a.caseSensitive, a.requires, false)));
    this.starts[PREFIX_A] = this.starts[PREFIX_AH] = 1;
    // Inflected forms come second and never take a name that some entry has as written.
    specs.forEach((aliases, i) =>
      aliases.forEach((a) => inflections(a.text).forEach((form) => this.insert(form, i, a.caseSensitive, a.requires, true))),
    );
  }

  /** Matches in `text[from, to)`, in order, not overlapping. `text` must be NFC. */
  find(text: string, from = 0, to = text.length, out: TermMatch[] = []): TermMatch[] {
    const starts = this.starts;
    for (let i = from; i < to; i++) {
      const c = MATCH_KEY[text.charCodeAt(i)];
      if (!starts[c] || !startsToken(text, i)) {
        continue;
      }
      const vendor = c === PREFIX_A || c === PREFIX_AH;
      const first = this.root.get(c);
      const direct = first && this.longestAt(text, i, to, first);
      const prefixed = vendor ? this.afterVendorPrefix(text, i, to) : undefined;
      const match = prefixed && (!direct || prefixed.end > direct.end) ? prefixed : direct;
      if (match) {
        out.push(match);
        i = match.end - 1;
      }
    }
    return out;
  }

  /** A term written after a vendor prefix, as one match that starts at the prefix. */
  private afterVendorPrefix(text: string, i: number, to: number): TermMatch | undefined {
    const prefix = VENDOR_PREFIX.exec(text.slice(i, Math.min(to, i + 8)));
    if (!prefix) {
      return undefined;
    }
    const j = i + prefix[0].length;
    const first = j < to ? this.root.get(MATCH_KEY[text.charCodeAt(j)]) : undefined;
    const match = first && this.longestAt(text, j, to, first);
    return match ? { ...match, start: i } : undefined;
  }

  private longestAt(text: string, start: number, to: number, first: TrieNode): TermMatch | undefined {
    let best: TermMatch | undefined;
    let node = first;
    let j = start + 1;
    for (;;) {
      if (node.terminals && endsToken(text, j, to)) {
        const fitting = node.terminals.filter((t) => caseMatches(text, start, j, t));
        if (fitting.length) {
          best = matchOf(fitting, start, j);
        }
      }
      if (j >= to) {
        break;
      }
      // What an alias may have between its parts: a hyphen (`EC2-Classic`), an underscore in a heading
      // written as an identifier (`VPC_Peering`) or a space or two — not ` - `.
      let k = j;
      if (text.charCodeAt(k) === 45) {
        k++;
      } else {
        while (k < to && k - j < MAX_SPACES && isJoiner(text.charCodeAt(k)) && text.charCodeAt(k) !== 45) {
          k++;
        }
      }
      const next = k < to ? childOf(node, MATCH_KEY[text.charCodeAt(k)]) : undefined;
      if (!next || k >= to) {
        break;
      }
      node = next;
      j = k + 1;
    }
    return best;
  }

  private insert(alias: string, entry: number, caseSensitive: boolean | undefined, requires: number[] | undefined, derived: boolean) {
    const exact = stripJoiners(alias.normalize('NFC'));
    // One letter is never a name; one Hangul syllable is, where its section says what it means (`큐` for SQS).
    if (exact.length < 2 && !(requires && isHangul(exact.charCodeAt(0)))) {
      return;
    }
    const first = MATCH_KEY[exact.charCodeAt(0)];
    this.starts[first] = 1;
    let node = this.root.get(first);
    if (!node) {
      this.root.set(first, (node = newNode()));
    }
    for (let i = 1; i < exact.length; i++) {
      node = addChild(node, MATCH_KEY[exact.charCodeAt(i)]);
    }
    const terminals = (node.terminals ??= []);
    if (derived ? terminals.length > 0 : terminals.some((t) => t.entry === entry && t.exact === exact)) {
      return;
    }
    terminals.push({ entry, exact, caseRule: caseRuleOf(exact, caseSensitive), requires });
  }
}

/** Every node has every field from the start, so the matcher's loop sees one object shape. */
function newNode(): TrieNode {
  return { onlyKey: -1, only: undefined, next: undefined, terminals: undefined };
}

/** A name as written counts before context-bound ones; several context-bound entries become alternatives. */
function matchOf(fitting: Terminal[], start: number, end: number): TermMatch {
  const plain = fitting.find((t) => !t.requires);
  if (plain) {
    return { entry: plain.entry, start, end };
  }
  const [first, ...others] = fitting;
  const alternatives = others.filter((t) => t.entry !== first.entry).map((t) => ({ entry: t.entry, requires: t.requires! }));
  return { entry: first.entry, start, end, requires: first.requires, ...(alternatives.length ? { alternatives } : {}) };
}

function childOf(node: TrieNode, key: number): TrieNode | undefined {
  return node.only ? (node.onlyKey === key ? node.only : undefined) : node.next?.get(key);
}

function addChild(node: TrieNode, key: number): TrieNode {
  const existing = childOf(node, key);
  if (existing) {
    return existing;
  }
  const child = newNode();
  if (!node.only && !node.next) {
    node.onlyKey = key;
    node.only = child;
    return child;
  }
  if (node.only) {
    node.next = new Map([[node.onlyKey, node.only]]);
    node.only = undefined;
    node.onlyKey = -1;
  }
  node.next!.set(key, child);
  return child;
}

/** Short all-caps abbreviations (SG, AZ) are only themselves in capitals; EIP and eip, S3 and s3 are the same. */
function caseRuleOf(exact: string, caseSensitive: boolean | undefined): CaseRule {
  if (caseSensitive) {
    return 'exact';
  }
  if (caseSensitive === false || !/^[A-Z0-9]+$/.test(exact) || !/[A-Z]/.test(exact)) {
    return 'any';
  }
  return exact.length <= 2 && !/\d/.test(exact) ? 'exact' : 'exactOrLower';
}

function stripJoiners(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (!isJoiner(s.charCodeAt(i))) {
      out += s[i];
    }
  }
  return out;
}

function startsToken(text: string, i: number): boolean {
  if (i === 0) {
    return true;
  }
  const c = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  if (isHangul(c)) {
    return !isHangul(prev);
  }
  if (isAsciiDigit(prev)) {
    return !isAsciiDigit(c);
  } // units after numbers: `3000IOPS`, `1rcu`
  if (prev === 45) {
    return i < 2 || !isAsciiAlnum(text.charCodeAt(i - 2));
  } // not inside `x-amz-server-side-encryption`
  return !isAsciiAlnum(prev) && !IDENT_GLUE.has(prev);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether a term whose last character is at `end - 1` may end there. */
function endsToken(text: string, end: number, to: number): boolean {
  if (end >= to) {
    return true;
  }
  const last = text.charCodeAt(end - 1);
  const next = text.charCodeAt(end);
  if (isHangul(last)) {
    let k = end;
    while (k < to && isHangul(text.charCodeAt(k))) {
      k++;
    }
    return k === end || isKoreanSuffix(text.slice(end, k));
  }
  if (!isAsciiAlnum(last)) {
    return true;
  }
  if (next === 95) {
    return false;
  }
  if (next === 46 && end + 1 < to && isAsciiAlnum(text.charCodeAt(end + 1))) {
    return false;
  }
  if (!isAsciiAlnum(next)) {
    return true;
  }
  // Plurals: AMIs, VPCs, Security Groups.
  return (
    (next === 115 || next === 83) &&
    (end + 1 >= to || !isAsciiAlnum(text.charCodeAt(end + 1))) &&
    isAsciiAlnum(last) &&
    !(last >= 48 && last <= 57)
  );
}

function caseMatches(text: string, start: number, end: number, t: Terminal): boolean {
  if (t.caseRule === 'any') {
    return true;
  }
  const found = stripJoiners(text.slice(start, end));
  return found === t.exact || (t.caseRule === 'exactOrLower' && found === t.exact.toLowerCase());
}
