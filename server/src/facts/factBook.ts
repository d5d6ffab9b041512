// The dated-facts knowledge: types of server/knowledge/facts/*.json and their compiled form.
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

export interface Localized {
  ko: string;
  en: string;
}

export type FactContext = 'sentence' | 'block' | 'section';

export type ClaimPattern =
  | string
  | { pattern: string; subject?: boolean; negated?: boolean; replacement?: Localized };

export interface FactExample {
  /** In `match` examples `[[…]]` marks the expected span. */
  text: string;
  context?: string[];
  asOf?: number;
  also?: string[];
}

export interface Fact {
  id: string;
  about: string[];
  keywords: string[];
  claim: ClaimPattern[];
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

export interface CompiledFact {
  fact: Fact;
  about: ReadonlySet<string>;
  patterns: CompiledPattern[];
  exclude: RegExp[];
  changedYear?: number;
}

export interface FactBook {
  facts: readonly CompiledFact[];
  byId: ReadonlyMap<string, CompiledFact>;
}

function compileFact(fact: Fact): CompiledFact {
  const patterns = fact.claim.map((p): CompiledPattern => {
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
  return {
    fact,
    about: new Set(fact.about),
    patterns,
    exclude: (fact.exclude ?? []).map((p) => compilePattern(p, false)),
    changedYear: fact.changedOn ? Number(fact.changedOn.slice(0, 4)) : undefined,
  };
}

export function compileFactBook(files: readonly FactFile[]): FactBook {
  const facts = files.flatMap((f) => f.facts.map(compileFact));
  const byId = new Map<string, CompiledFact>();
  for (const f of facts) {
    if (byId.has(f.fact.id)) throw new Error(`duplicate fact id ${f.fact.id}`);
    byId.set(f.fact.id, f);
  }
  return { facts, byId };
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

let book: FactBook | undefined;

/** The built-in facts, compiled once. */
export function loadFactBook(): FactBook {
  book ??= compileFactBook(FACT_FILES);
  return book;
}
