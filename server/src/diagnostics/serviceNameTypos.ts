// Near misses of service names in Latin script: `Cloudfrond`, `CoudTrail`, `Redhsift` (edit
// distance), `Cloud Front`, `Dynamo DB` (spacing) and `Opsworks` (casing). Only words written as
// proper names (a capital letter) are considered, so ordinary English and identifiers stay quiet.
import { aliasText, allNames, type Glossary } from '../knowledge/glossary';
import type { TermMatch } from '../terms/termMatcher';

export interface TypoFinding {
  start: number;
  end: number;
  entry: number;
  suggestion: string;
  kind: 'spelling' | 'spacing' | 'casing';
}

/** Single English words that are also service names: too common to guess typos from. */
const COMMON_WORDS = new Set([
  'config',
  'backup',
  'shield',
  'batch',
  'inspector',
  'artifact',
  'detective',
  'budgets',
  'chatbot',
  'outposts',
  'connect',
  'pinpoint',
  'translate',
  'lightsail',
  'polly',
  'personalize',
  'forecast',
  'service',
  'services',
  'ingress',
]);

interface Candidate {
  name: string;
  lower: string;
  entry: number;
}

export class TypoFinder {
  private readonly candidates: Candidate[] = [];
  /** Every Latin name, spaced as the glossary spells it, lower-cased. */
  private readonly knownSpellings = new Set<string>();
  /** Latin names without spaces that the glossary writes as one word, by lower-case form. */
  private readonly oneWordNames = new Map<string, Candidate>();

  /**
   * @param englishNearMisses English words that are one or two edits from a service name
   *   (`Redshirt`): never typos. server/knowledge/typo-allowlist.json, made by
   *   scripts/generateTypoAllowlist.ts from a full English word list.
   */
  constructor(
    private readonly glossary: Glossary,
    private readonly englishNearMisses: ReadonlySet<string> = new Set(),
  ) {
    glossary.entries.forEach((entry, i) => {
      for (const name of allNames(entry).map(aliasText)) {
        if (!/^[\x20-\x7e]+$/.test(name)) {
          continue;
        }
        this.knownSpellings.add(name.toLowerCase());
        if (!/^[A-Za-z][A-Za-z0-9]+$/.test(name)) {
          continue;
        }
        const c = { name, lower: name.toLowerCase(), entry: i };
        this.oneWordNames.set(c.lower, c);
        // Only proper names are typo targets: `Volumes` is no misspelling of the alias `volume`.
        if (/^[A-Z]/.test(name) && name.length >= 5 && (/[a-z][A-Z]/.test(name) || (name.length >= 6 && !COMMON_WORDS.has(c.lower)))) {
          this.candidates.push(c);
        }
      }
    });
  }

  /** Typos in one run of prose; `terms` are the glossary matches already found in it. */
  find(text: string, terms: readonly TermMatch[]): TypoFinding[] {
    const found: TypoFinding[] = [];
    for (const m of terms) {
      const surface = text.slice(m.start, m.end);
      const style = this.styleTypo(surface);
      if (style) {
        found.push({ start: m.start, end: m.end, entry: style.entry, suggestion: style.name, kind: style.kind });
      }
    }
    for (const w of text.matchAll(/[A-Za-z][A-Za-z0-9]{3,}/g)) {
      const start = w.index!;
      const end = start + w[0].length;
      if (!/[A-Z]/.test(w[0]) || /^[A-Z0-9]+$/.test(w[0]) || isGlued(text, start, end)) {
        continue;
      }
      if (terms.some((t) => t.start < end && t.end > start)) {
        continue;
      }
      const c = this.closest(w[0]);
      if (c) {
        found.push({ start, end, entry: c.entry, suggestion: c.name, kind: 'spelling' });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  private styleTypo(surface: string): { name: string; entry: number; kind: 'spacing' | 'casing' } | undefined {
    const joined = surface.replace(/[\s-]+/g, '');
    const c = this.oneWordNames.get(joined.toLowerCase());
    if (!c || surface === c.name || !/^[\x20-\x7e]+$/.test(surface)) {
      return undefined;
    }
    if (surface !== joined) {
      return this.knownSpellings.has(surface.toLowerCase()) ? undefined : { name: c.name, entry: c.entry, kind: 'spacing' };
    }
    // A common noun of the glossary (`volume`) capitalised at a sentence start is no casing typo.
    if (/^[A-Z]/.test(surface) && /[A-Z]/.test(c.name) && !/^[A-Z0-9]+$/.test(surface) && !this.isKnownExactly(surface)) {
      return { name: c.name, entry: c.entry, kind: 'casing' };
    }
    return undefined;
  }

  private isKnownExactly(surface: string): boolean {
    return allNames(this.glossary.entries[this.oneWordNames.get(surface.toLowerCase())!.entry]).map(aliasText).includes(surface);
  }

  /** The service name a word is a near miss of (`redhsift` → Redshift), if any. */
  closest(word: string): Candidate | undefined {
    const lower = word.toLowerCase();
    if (this.englishNearMisses.has(lower)) {
      return undefined;
    }
    const limit = lower.length >= 8 ? 2 : 1;
    let best: Candidate | undefined;
    let bestDistance = limit + 1;
    for (const c of this.candidates) {
      if (Math.abs(c.lower.length - lower.length) > limit || c.lower[0] !== lower[0]) {
        continue;
      }
      const d = damerauLevenshtein(lower, c.lower, bestDistance);
      if (d > 0 && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }
}

/** A word that is part of an identifier, path or address rather than prose. */
function isGlued(text: string, start: number, end: number): boolean {
  return /[_./@:$\\-]/.test(text[start - 1] ?? '') || /[_/@$\\]|\.[A-Za-z0-9]/.test(text.slice(end, end + 2));
}

/** Optimal string alignment distance, giving up above `cap`. */
function damerauLevenshtein(a: string, b: string, cap: number): number {
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) {
      return cap + 1;
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}
