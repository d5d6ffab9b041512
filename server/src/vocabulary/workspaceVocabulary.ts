// The workspace's own vocabulary: terms the notes define that the built-in glossary lacks, gathered
// from every note's scan (see scan/ownTerms.ts), with a matcher that finds them under any of their
// names with the same rules as glossary terms (particles, spacing, spelling variants).
import { Glossary, type GlossaryEntry } from '../knowledge/glossary';
import { TermMatcher } from '../terms/termMatcher';
import { matchKey } from '../terms/spellingFold';
import { ownTermsOf } from '../scan/noteScanner';
import type { WorkspaceIndex } from '../index/workspaceIndex';

export interface OwnDefinition {
  uri: string;
  line: number;
  start: number;
  end: number;
  gist: string;
}

export interface VocabularyTerm {
  /** The name it is defined under most often. */
  name: string;
  names: string[];
  definitions: OwnDefinition[];
}

export class WorkspaceVocabulary {
  readonly matcher: TermMatcher;

  private constructor(readonly terms: readonly VocabularyTerm[]) {
    // The matcher needs glossary entries: each term is one, found by its index.
    const entries: GlossaryEntry[] = terms.map((t, i) => ({
      id: `note-term-${i}`,
      name: t.name,
      shortName: t.name,
      nameKo: t.name,
      aliases: t.names,
      category: 'concept',
      definition: { ko: t.name, en: t.name },
      docs: '',
    }));
    this.matcher = new TermMatcher(new Glossary([{ version: 1, entries }]));
  }

  static of(index: WorkspaceIndex): WorkspaceVocabulary {
    const byKey = new Map<string, VocabularyTerm>();
    const keyOf = (name: string) => matchKey(name.normalize('NFC')).replace(/[\s-]+/g, '');
    for (const uri of [...index.uris()].sort()) {
      for (const site of ownTermsOf(index.get(uri)!)) {
        // A term defined under two names (`탄력성(Elasticity)`) joins whichever of them is known already.
        const known = site.names
          .map(keyOf)
          .map((k) => byKey.get(k))
          .find(Boolean);
        const term = known ?? { name: site.names[0], names: [], definitions: [] };
        for (const name of site.names) {
          if (!term.names.includes(name)) {
            term.names.push(name);
          }
          byKey.set(keyOf(name), term);
        }
        term.definitions.push({ uri, line: site.line, start: site.start, end: site.end, gist: site.gist });
      }
    }
    return new WorkspaceVocabulary([...new Set(byKey.values())]);
  }
}
