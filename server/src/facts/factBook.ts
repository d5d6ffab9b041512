// The dated-facts knowledge: types of server/knowledge/facts/*.json and their compiled form. The
// compiler checks these types against the ones generated from facts.schema.json (test/schemaTypes.test.ts).
import certification from '../../knowledge/facts/certification.json';
import compute from '../../knowledge/facts/compute.json';
import database from '../../knowledge/facts/database.json';
import integration from '../../knowledge/facts/integration.json';
import lifecycle from '../../knowledge/facts/lifecycle.json';
import management from '../../knowledge/facts/management.json';
import networking from '../../knowledge/facts/networking.json';
import security from '../../knowledge/facts/security.json';
import storage from '../../knowledge/facts/storage.json';
import { compilePattern } from './patterns';
import { attributes, type CompiledAttribute } from './attributes';

export interface Localized {
  ko: string;
  en: string;
}

export type FactContext = 'sentence' | 'block' | 'section';

export type ClaimPattern = string | { pattern: string; subject?: boolean; negated?: boolean; replacement?: Localized };

/** A claim as a frame: an attribute (from the lexicon) next to the old value, or to an old concept. */
export interface ClaimFrame {
  attribute: string;
  /** The old value, a pattern with the {num:} and {qty:} macros. */
  value?: string;
  /** Or the old model, as a glossary id (eventual-consistency). */
  concept?: string;
  replacement?: Localized;
}

export interface FactExample {
  /** In `match` examples `[[…]]` marks the expected span. */
  text: string;
  context?: string[];
  asOf?: number;
  also?: string[];
  /** For a list fact: the items directly under `text`, the list's title. */
  items?: string[];
}

/** A claim as a list that lacks newer members (see facts.schema.json `list`). */
export interface ListClaim {
  members: string[];
  newer: string[];
  minMembers?: number;
  title?: string;
  subject?: string;
}

export interface Fact {
  id: string;
  about: string[];
  keywords?: string[];
  claim?: ClaimPattern[];
  frames?: ClaimFrame[];
  /** A present-tense mention of one of these glossary terms is the claim (renamed or retired names). */
  mentions?: string[];
  /** Glossary terms whose mention in the same sentence keeps the claim quiet (the new name beside the old). */
  unlessTerms?: string[];
  list?: ListClaim;
  exclude?: string[];
  context: FactContext;
  changed: Localized;
  changedOn?: string;
  changedOnApprox?: boolean;
  current: Localized;
  source: string;
  lastVerified: string;
  confidence: 'confirmed' | 'third-party';
  severity: 'warning' | 'information';
  replacement?: Localized;
  examples: { match: FactExample[]; noMatch: FactExample[] };
}

export interface FactFile {
  version: 1;
  facts: Fact[];
}

export interface CompiledPattern {
  re: RegExp;
  /** The pattern names the subject itself, so the context requirement is met. */
  subject: boolean;
  /** The old claim is a negative statement; negation words do not cancel it. */
  negated: boolean;
  replacement?: Localized;
}

export interface CompiledFrame {
  attribute: CompiledAttribute;
  value?: RegExp;
  concept?: string;
  replacement?: Localized;
}

export interface CompiledList {
  /** Each anchored at the start of an item's text. */
  members: RegExp[];
  newer: RegExp[];
  minMembers: number;
  title?: RegExp;
  subject?: RegExp;
}

export interface CompiledFact {
  fact: Fact;
  about: ReadonlySet<string>;
  /** `about` and what its entries are part of: a sentence naming one of these is not about something else. */
  family: ReadonlySet<string>;
  patterns: CompiledPattern[];
  frames: CompiledFrame[];
  mentions: ReadonlySet<string>;
  list?: CompiledList;
  unlessTerms: ReadonlySet<string>;
  /** Lower-case substrings of which one must be in a block for the fact's patterns to run. */
  keywords: readonly string[];
  exclude: RegExp[];
  changedYear?: number;
}

export interface FactBook {
  facts: readonly CompiledFact[];
  byId: ReadonlyMap<string, CompiledFact>;
  /** The facts whose claim is a list that lacks a newer member. */
  lists: readonly CompiledFact[];
}

/** The glossary's `part-of` closure of an id (itself included). */
export type Broader = (id: string) => readonly string[];

function compileFact(fact: Fact, broader: Broader): CompiledFact {
  const patterns = (fact.claim ?? []).map((p): CompiledPattern => {
    const spec = typeof p === 'string' ? { pattern: p } : p;
    try {
      return {
        re: compilePattern(spec.pattern),
        subject: spec.subject ?? false,
        negated: spec.negated ?? false,
        replacement: spec.replacement ?? fact.replacement,
      };
    } catch (e) {
      throw new Error(`fact ${fact.id}: ${(e as Error).message}`);
    }
  });
  const frames = (fact.frames ?? []).map((f): CompiledFrame => {
    const attribute = attributes().get(f.attribute);
    if (!attribute) {
      throw new Error(`fact ${fact.id}: unknown attribute ${f.attribute}`);
    }
    if (!f.value === !f.concept) {
      throw new Error(`fact ${fact.id}: a frame has a value or a concept`);
    }
    return {
      attribute,
      value: f.value ? compilePattern(f.value) : undefined,
      concept: f.concept,
      replacement: f.replacement ?? fact.replacement,
    };
  });
  if (!patterns.length && !frames.length && !fact.mentions?.length && !fact.list) {
    throw new Error(`fact ${fact.id}: no claim, frame, mention or list`);
  }
  return {
    fact,
    about: new Set(fact.about),
    family: new Set(fact.about.flatMap(broader)),
    patterns,
    frames,
    mentions: new Set(fact.mentions),
    list: fact.list && compileList(fact.list),
    unlessTerms: new Set(fact.unlessTerms),
    keywords: fact.keywords ?? [],
    exclude: (fact.exclude ?? []).map((p) => compilePattern(p, false)),
    changedYear: fact.changedOn ? Number(fact.changedOn.slice(0, 4)) : undefined,
  };
}

/** Leading marks an item's member may follow: `**ALB**`'s remains, a number, an opening bracket. */
const ITEM_LEAD = String.raw`^[\s\p{P}\p{S}\d]*`;

function compileList(list: ListClaim): CompiledList {
  return {
    members: list.members.map((p) => compilePattern(`${ITEM_LEAD}(?:${p})`, false)),
    newer: list.newer.map((p) => compilePattern(p, false)),
    minMembers: list.minMembers ?? 2,
    title: list.title === undefined ? undefined : compilePattern(list.title, false),
    subject: list.subject === undefined ? undefined : compilePattern(list.subject, false),
  };
}

export function compileFactBook(files: readonly FactFile[], broader: Broader = (id) => [id]): FactBook {
  const facts = files.flatMap((f) => f.facts.map((fact) => compileFact(fact, broader)));
  const byId = new Map<string, CompiledFact>();
  for (const f of facts) {
    if (byId.has(f.fact.id)) {
      throw new Error(`duplicate fact id ${f.fact.id}`);
    }
    byId.set(f.fact.id, f);
  }
  return { facts, byId, lists: facts.filter((f) => f.list) };
}

// The JSON types are wider than Fact (plain strings for enums); test/facts.test.ts validates the
// files against facts.schema.json.
export const FACT_FILES = [
  storage,
  compute,
  database,
  integration,
  networking,
  security,
  management,
  lifecycle,
  certification,
] as unknown as readonly FactFile[];
