// A dated fact carries examples of its old claim (`examples.match`) and of still-true neighbours
// (`noMatch`). The test suite runs the shipped ones; a team's are run when its file loads, so a
// pattern that misses its own example, or flags a neighbour, is told in the file.
import type { Knowledge } from './loadKnowledge';
import type { Fact, FactExample } from '../facts/factBook';
import { findClaims } from '../facts/claimMatcher';
import { diagnosticsContext, inContext, termSpans } from '../features/diagnostics';

export interface ExampleProblem {
  list: 'match' | 'noMatch';
  index: number;
}

export function failingExamples(knowledge: Knowledge, fact: Fact): ExampleProblem[] {
  const ctx = diagnosticsContext(knowledge, 'ko');
  const terms = (text: string, contextIds: ReadonlySet<string>) => termSpans(ctx, inContext(ctx, knowledge.matcher.find(text), contextIds));
  const flagged = (example: FactExample) => {
    const text = example.text.replace(/\[\[|\]\]/g, '');
    const context = example.context ?? [];
    const contextTermIds = new Set(context.flatMap((c) => terms(c, new Set()).map((t) => t.termId)));
    const input = { text, terms: terms(text, contextTermIds), contextTermIds, contextText: context, asOf: example.asOf };
    return findClaims(knowledge.facts, input, 'ko').some((f) => f.factId === fact.id);
  };
  return [
    ...fact.examples.match.flatMap((e, index) => (flagged(e) ? [] : [{ list: 'match' as const, index }])),
    ...fact.examples.noMatch.flatMap((e, index) => (flagged(e) ? [{ list: 'noMatch' as const, index }] : [])),
  ];
}
