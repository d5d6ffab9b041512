// A dated fact carries examples of its old claim (`examples.match`) and of still-true neighbours
// (`noMatch`). The test suite runs the shipped ones; a team's are run when its file loads, so a
// pattern that misses its own example, or flags a neighbour, is told in the file.
import type { Knowledge } from './loadKnowledge';
import type { Fact, FactExample } from '../facts/factBook';
import { findClaims, type ClaimFinding } from '../facts/claimMatcher';
import { findListClaims } from '../facts/listClaims';
import { diagnosticsContext, inContext, termSpans } from '../features/diagnostics';

export interface ExampleProblem {
  list: 'match' | 'noMatch';
  index: number;
}

/**
 * What an example yields, as a note would: the claims in its block, and, for an example with
 * `items`, the list claims of that section, each spanning the whole title. `text` is the example's
 * text without its `[[…]]` marker.
 */
export function exampleFindings(
  knowledge: Knowledge,
  example: FactExample,
  ctx = diagnosticsContext(knowledge, 'ko'),
): { text: string; findings: ClaimFinding[] } {
  const terms = (text: string, contextIds: ReadonlySet<string>) => termSpans(ctx, inContext(ctx, knowledge.matcher.find(text), contextIds));
  const text = example.text.replace(/\[\[|\]\]/g, '');
  const context = example.context ?? [];
  const contextTermIds = new Set(context.flatMap((c) => terms(c, new Set()).map((t) => t.termId)));
  const input = { text, terms: terms(text, contextTermIds), contextTermIds, contextText: context, asOf: example.asOf };
  const findings = findClaims(knowledge.facts, input, 'ko');
  if (example.items) {
    const section = { title: text, context: () => context, items: example.items, rest: () => [], asOf: () => example.asOf };
    const titleClaims = findings.map((f) => f.factId);
    findings.push(...findListClaims(knowledge.facts, section, titleClaims).map((factId) => ({ factId, start: 0, end: text.length })));
  }
  return { text, findings };
}

export function failingExamples(knowledge: Knowledge, fact: Fact): ExampleProblem[] {
  const ctx = diagnosticsContext(knowledge, 'ko');
  const flagged = (example: FactExample) => exampleFindings(knowledge, example, ctx).findings.some((f) => f.factId === fact.id);
  return [
    ...fact.examples.match.flatMap((e, index) => (flagged(e) ? [] : [{ list: 'match' as const, index }])),
    ...fact.examples.noMatch.flatMap((e, index) => (flagged(e) ? [{ list: 'noMatch' as const, index }] : [])),
  ];
}
