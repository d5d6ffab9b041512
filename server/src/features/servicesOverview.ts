// The services view and the knowledge map: which glossary terms the notes mention, how often, in how
// many notes, with how many outdated claims, grouped by category; and the typed relations among them.
import type { Glossary, Locale } from '../knowledge/glossary';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { FactBook } from '../facts/factBook';
import type { ServicesOverview, ServiceSummary } from '../protocol';
import { categoryLabel } from '../l10n';

export interface OverviewInput {
  glossary: Glossary;
  index: WorkspaceIndex;
  facts: FactBook;
  locale: Locale;
  /** The id of the fact behind every outdated claim found in the notes (one per claim); none: not counted. */
  staleFactIds?: Iterable<string>;
}

export function servicesOverview({ glossary, index, facts, locale, staleFactIds }: OverviewInput): ServicesOverview {
  const stale = new Map<string, number>();
  for (const id of staleFactIds ?? []) {
    for (const termId of facts.byId.get(id)?.fact.about ?? []) {
      stale.set(termId, (stale.get(termId) ?? 0) + 1);
    }
  }
  const byCategory = new Map<string, ServiceSummary[]>();
  glossary.entries.forEach((entry, i) => {
    const mentions = index.mentionCount(i);
    if (!mentions) {
      return;
    }
    const notes = index.notesMentioning(i);
    const summary: ServiceSummary = {
      termId: entry.id,
      name: locale === 'ko' ? entry.nameKo : entry.shortName,
      category: entry.category,
      mentions,
      notes: notes.length,
      staleClaims: staleFactIds && (stale.get(entry.id) ?? 0),
      folders: [...new Set(notes.map((uri) => uri.slice(0, uri.lastIndexOf('/') + 1)))].sort(),
    };
    const group = byCategory.get(entry.category);
    if (group) {
      group.push(summary);
    } else {
      byCategory.set(entry.category, [summary]);
    }
  });
  const categories = [...byCategory]
    .map(([id, services]) => ({
      id,
      label: categoryLabel(locale, id),
      services: services.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, locale)),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const listed = new Set(categories.flatMap((c) => c.services.map((s) => s.termId)));
  // A relation both entries state (EC2 integrates with Auto Scaling and back) is one edge.
  const seen = new Set<string>();
  const relations = [...listed].flatMap((source) =>
    (glossary.get(source)!.relations ?? [])
      .filter((r) => listed.has(r.target) && !seen.has(`${r.type}:${r.target}:${source}`) && seen.add(`${r.type}:${source}:${r.target}`))
      .map((r) => ({ source, target: r.target, type: r.type })),
  );
  return { categories, relations };
}
