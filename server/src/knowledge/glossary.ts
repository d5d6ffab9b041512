// The glossary: AWS services and cloud terms, their aliases and relations. Data lives in
// server/knowledge/glossary/*.json (schema: glossary.schema.json); this module gives it types.

import schema from '../../knowledge/glossary.schema.json';

export type Locale = 'ko' | 'en';

/** The glossary's categories, as its schema lists them. */
export const CATEGORIES: readonly string[] = schema.$defs.entry.properties.category.enum;
export type Localized = Record<Locale, string>;

export type RelationType = 'integrates-with' | 'compared-with' | 'part-of' | 'replaced-by' | 'uses' | 'alternative-to';

export type AliasSpec = string | { text: string; caseSensitive?: boolean; requires?: string[] };

export interface GlossaryEntry {
  id: string;
  name: string;
  shortName: string;
  nameKo: string;
  /** The names recognised in notes (display names too, unless too common a word to match alone). */
  aliases: AliasSpec[];
  category: string;
  definition: Localized;
  docs: string;
  relations?: { type: RelationType; target: string }[];
  exams?: string[];
}

export interface GlossaryFile {
  version: 1;
  entries: GlossaryEntry[];
}

export interface Relation {
  type: RelationType;
  target: GlossaryEntry;
  /** True when the relation is stated on the other entry and read backwards. */
  inverse: boolean;
}

export class Glossary {
  readonly entries: readonly GlossaryEntry[];
  private readonly byId = new Map<string, GlossaryEntry>();
  private readonly indexById = new Map<string, number>();
  private readonly relations = new Map<string, Relation[]>();

  constructor(files: readonly GlossaryFile[]) {
    this.entries = files.flatMap((f) => f.entries);
    for (const [i, e] of this.entries.entries()) {
      if (this.byId.has(e.id)) {
        throw new Error(`glossary: duplicate id ${e.id}`);
      }
      this.byId.set(e.id, e);
      this.indexById.set(e.id, i);
      this.relations.set(e.id, []);
    }
    for (const e of this.entries) {
      for (const r of e.relations ?? []) {
        const target = this.byId.get(r.target);
        if (!target) {
          throw new Error(`glossary: ${e.id} relates to unknown id ${r.target}`);
        }
        this.relations.get(e.id)!.push({ type: r.type, target, inverse: false });
        this.relations.get(target.id)!.push({ type: r.type, target: e, inverse: true });
      }
    }
  }

  get(id: string): GlossaryEntry | undefined {
    return this.byId.get(id);
  }

  /** The entry's index (what scans and the index store), or -1. */
  indexOf(id: string): number {
    return this.indexById.get(id) ?? -1;
  }

  /**
   * An AWS service or a feature of one, as opposed to a general concept (IOPS, Region): a sentence
   * that names one is about it.
   */
  isService(id: string): boolean {
    const e = this.byId.get(id);
    return !!e && e.category !== 'concept' && (/^(?:Amazon|AWS) /.test(e.name) || !!e.relations?.some((r) => r.type === 'part-of'));
  }

  /** The entry and every entry it is part of, transitively (`ebs-gp2` → `ebs`): a mention of a part speaks of the whole. */
  withBroader(id: string): string[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) {
      for (const r of this.byId.get(out[i])?.relations ?? []) {
        if (r.type === 'part-of' && !out.includes(r.target)) {
          out.push(r.target);
        }
      }
    }
    return out;
  }

  /** Relations in both directions, each related entry once (a direct statement wins). */
  related(id: string): Relation[] {
    const seen = new Set<string>();
    return (this.relations.get(id) ?? [])
      .slice()
      .sort((a, b) => Number(a.inverse) - Number(b.inverse))
      .filter((r) => !seen.has(r.target.id) && seen.add(r.target.id));
  }
}

export function aliasText(a: AliasSpec): string {
  return typeof a === 'string' ? a : a.text;
}

/** Every name the entry goes by, display names first. */
export function allNames(e: GlossaryEntry): AliasSpec[] {
  return [e.name, e.shortName, e.nameKo, ...e.aliases];
}
