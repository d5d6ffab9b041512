// Finds lists that lack a newer member: a heading or parent item whose child items enumerate a set
// as it was (ALB, NLB, CLB) while the section never names what has joined it since (GWLB).
import type { CompiledFact, FactBook } from './factBook';
import { isHistorical, isNegated, notesChange } from './markers';

/** A heading or parent list item with the list items directly under it. */
export interface ListSection {
  /** The title's text: a heading's or a parent item's. */
  title: string;
  /** Texts of the title's own enclosing headings and parent items, read only when a list matches. */
  context: () => readonly string[];
  /** Texts of the items directly under the title. */
  items: readonly string[];
  /** Every text of the section beyond the title and its items (nested items, paragraphs), read only when a list matches. */
  rest: () => Iterable<string>;
  /** Year of an `<!-- as-of: YYYY -->` marker that applies to the title, read only when a list matches. */
  asOf: () => number | undefined;
}

/**
 * A title that makes the list a deliberate subset or a comparison (`ALB와 NLB 비교`, `ALB vs NLB`,
 * `예시`, `e.g.`, `some options`, `주요`): not a claim that the set is complete.
 */
const SUBSET =
  /비교|차이|\bvs\.?(?!\w)|versus|compar|differen|예시|예를|\bexamples?\b|e\.g\.|such as|일부|\bsome\b|주요|대표(?:적)?|\bcommon\b|\bpopular\b|자주\s*쓰는|\bmain\b|\bkey\b/iu;

/** A title that says its items are the members of a set, which may then carry other items too. */
const SET_TITLE =
  /유형|종류|타입|옵션|방식|전략|분류|가지|\d\s*종|types?\b|kinds?\b|options?\b|strateg|flavou?rs?\b|choices?\b|offers?\b/iu;

/** The fewest child items any list fact needs, so most sections are passed over at a glance. */
export function fewestMembers(book: FactBook): number {
  return Math.min(...book.lists.map((cf) => cf.list!.minMembers));
}

/**
 * The ids of the list facts whose old list the section states, in book order. `titleClaims`, the
 * facts the title's own text states (`ELB 3가지 유형`), already speak for their subject there.
 */
export function findListClaims(book: FactBook, section: ListSection, titleClaims: readonly string[] = []): string[] {
  const gate = titleGate(book);
  if (gate && !gate.test(section.title)) {
    return [];
  }
  const out: string[] = [];
  for (const cf of book.lists) {
    const told = titleClaims.some((id) => book.byId.get(id)?.fact.about.some((about) => cf.about.has(about)));
    if (!told && statesOldList(cf, section)) {
      out.push(cf.fact.id);
    }
  }
  return out;
}

const gates = new WeakMap<FactBook, RegExp | undefined>();

/** One pattern for every list fact's title, so most titles are passed over in one test; none when a fact takes any title. */
function titleGate(book: FactBook): RegExp | undefined {
  if (!gates.has(book)) {
    const titles = book.lists.map((cf) => cf.list!.title);
    gates.set(book, titles.every((t) => t) ? new RegExp(titles.map((t) => `(?:${t!.source})`).join('|'), 'iu') : undefined);
  }
  return gates.get(book);
}

function statesOldList(cf: CompiledFact, section: ListSection): boolean {
  const list = cf.list!;
  const { title, items } = section;
  if (items.length < list.minMembers || (list.title && !list.title.test(title))) {
    return false;
  }
  // A set names each member once: items that come back to one (`NLB 는 …`, `NLB 는 …`) are notes on them.
  // Every item is a member, unless the title says it lists a set (`종류`, `types`): then at least half.
  const named = new Set<number>();
  for (const item of items) {
    const member = list.members.findIndex((re) => re.test(item));
    if (named.has(member)) {
      return false;
    }
    if (member >= 0) {
      named.add(member);
    }
  }
  const others = items.length - named.size;
  if (others > 0 && (!list.title || !SET_TITLE.test(title) || others > named.size)) {
    return false;
  }
  if (named.size < list.minMembers) {
    return false;
  }
  const asOf = section.asOf();
  if (asOf !== undefined && cf.changedYear !== undefined && cf.changedYear > asOf) {
    return false;
  }
  if (SUBSET.test(title) || isNegated(title) || notesChange(title) || cf.exclude.some((re) => re.test(title))) {
    return false;
  }
  const around = [title, ...section.context()];
  if (around.some((t) => isHistorical(t, cf.changedYear)) || (list.subject && !around.some((t) => list.subject!.test(t)))) {
    return false;
  }
  const names = (text: string) => list.newer.some((re) => re.test(text));
  if (names(title) || items.some(names)) {
    return false;
  }
  for (const text of section.rest()) {
    if (names(text)) {
      return false;
    }
  }
  return true;
}
