// The curated groups of concepts learners mix up (server/knowledge/confusables.json): the first
// distractors of a multiple-choice question about one of them, except where two share a defining trait.
import confusables from '../../knowledge/confusables.json';

export interface ConfusablesFile {
  version: 1;
  groups: string[][];
  overlapping?: { ids: string[]; shared: string; source: string; lastVerified: string }[];
}

export const CONFUSABLES: ConfusablesFile = confusables as ConfusablesFile;

const partners = new Map<string, Set<string>>();
for (const group of CONFUSABLES.groups) {
  for (const id of group) {
    const set = partners.get(id) ?? new Set<string>();
    group.filter((other) => other !== id).forEach((other) => set.add(other));
    partners.set(id, set);
  }
}

/** Glossary ids easily confused with `id`, in the order the data lists them. */
export function confusablesOf(id: string): string[] {
  return [...(partners.get(id) ?? [])];
}

/** Whether two entries share a defining trait: a description of one may hold for the other. */
export function overlap(a: string, b: string): boolean {
  return a !== b && (CONFUSABLES.overlapping ?? []).some(({ ids }) => ids.includes(a) && ids.includes(b));
}
