// The glossary: AWS services and cloud terms, their aliases and relations. Data lives in
// server/knowledge/glossary/*.json; its types are generated from glossary.schema.json.
import schema from '../../knowledge/glossary.schema.json';
import type { Alias, CloudStudyNotesGlossaryFile, Entry, Relation as RelationSpec } from './schemaTypes/glossary';

export type Locale = 'ko' | 'en';
export type Localized = Record<Locale, string>;
export type GlossaryFile = CloudStudyNotesGlossaryFile;
export type GlossaryEntry = Entry;
export type Category = Entry['category'];
export type AliasSpec = Alias;
export type RelationType = RelationSpec['type'];

/** The glossary's categories, as its schema lists them. */
export const CATEGORIES = schema.$defs.entry.properties.category.enum as readonly Category[];

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

  /** A service, a part of one (a feature, a storage class) or a general concept. */
  typeOf(id: string): 'service' | 'part' | 'concept' {
    return this.byId.get(id)?.relations?.some((r) => r.type === 'part-of') ? 'part' : this.isService(id) ? 'service' : 'concept';
  }

  /** Whether something else replaced the entry (`AWS Single Sign-On` by IAM Identity Center). */
  isRetired(id: string): boolean {
    return this.relations.get(id)?.some((r) => r.type === 'replaced-by' && !r.inverse) ?? false;
  }

  /** The entries that are part of this one (`vpc` → `subnet`, `nat-gateway`, …). */
  partsOf(id: string): GlossaryEntry[] {
    return (this.relations.get(id) ?? []).filter((r) => r.type === 'part-of' && r.inverse).map((r) => r.target);
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
