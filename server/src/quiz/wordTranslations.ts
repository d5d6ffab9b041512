// Words of one language and their equivalents in the other (`process` and `프로세스`, `게이트웨이`
// and `gateway`), so that a give-away check sees an option's name in a clue written in the other
// language. The pairs come from the names of the glossary in use, a team's own entries included
// (`NAT Gateway` and `NAT 게이트웨이` differ in one word, which must then translate it), and from a
// small curated list of loanwords (server/knowledge/loanwords.json) for words no glossary pairs.
import { aliasText, allNames, type Glossary, type GlossaryEntry } from '../knowledge/glossary';
import loanwords from '../../knowledge/loanwords.json';
import { contentWords } from './giveaways';

const HANGUL = /\p{Script=Hangul}/u;

const tables = new WeakMap<Glossary, Map<string, Set<string>>>();

/** The words of the other language that say `stem` (a stem as `contentWords` gives it). */
export function translationsOf(glossary: Glossary, stem: string): readonly string[] {
  let table = tables.get(glossary);
  if (!table) {
    table = pairTable(glossary.entries);
    tables.set(glossary, table);
  }
  return [...(table.get(stem) ?? [])];
}

function pairTable(entries: readonly GlossaryEntry[]): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  const add = (english: string, korean: string) => {
    const [stem] = contentWords(english);
    // One Hangul word, one syllable included: `shell` is `셸`.
    if (stem && /^\p{Script=Hangul}+$/u.test(korean)) {
      pairs.set(stem, (pairs.get(stem) ?? new Set()).add(korean));
      pairs.set(korean, (pairs.get(korean) ?? new Set()).add(stem));
    }
  };
  for (const entry of entries) {
    namePairs(entry).forEach(([english, korean]) => add(english, korean));
  }
  (loanwords.pairs as [string, string][]).forEach(([english, korean]) => add(english, korean));
  return pairs;
}

/**
 * Word pairs of one entry: a Korean name that differs from exactly one English name in exactly one
 * word (`Config 집계자` and `Config Aggregator`). A Korean name that differs so from several English
 * names in other words (`하위 CA` beside `Root CA` and `Public CA`) names a sibling, not a translation.
 */
function namePairs(entry: GlossaryEntry): [string, string][] {
  const names = [...new Set(allNames(entry).flatMap((a) => (a ? [aliasText(a)] : [])))];
  const english = names.filter((n) => !HANGUL.test(n)).map((n) => n.split(/\s+/));
  return names
    .filter((n) => HANGUL.test(n))
    .flatMap((korean) => {
      const words = korean.split(/\s+/);
      const candidates = english.flatMap((en) => {
        const differing = en.length === words.length ? en.flatMap((w, i) => (w.toLowerCase() === words[i].toLowerCase() ? [] : [i])) : [];
        return differing.length === 1 ? [[en[differing[0]], words[differing[0]]] as [string, string]] : [];
      });
      const stems = new Set(candidates.map(([en]) => contentWords(en)[0]));
      return stems.size === 1 ? candidates.slice(0, 1) : [];
    });
}
