// Where the first sentence of a definition or a fact ends: the answer a card asks for is that
// sentence, the rest is what the back explains.

/** A sentence ends at `.`, `!` or `?` after a word (not a number such as `1.5`, not `e.g.`), before a new sentence. */
const SENTENCE_END = /(?<![\d.]|\b(?:e\.g|i\.e|vs|etc|approx|incl|cf|Inc|Ltd|St))[.!?](?=\s+["'(\p{Lu}\p{Script=Hangul}\d])/gu;

export function firstSentence(text: string): string {
  const end = firstEnd(text);
  return end === undefined ? text.trim() : text.slice(0, end).trim();
}

export function restAfterFirstSentence(text: string): string {
  const end = firstEnd(text);
  return end === undefined ? '' : text.slice(end).trim();
}

function firstEnd(text: string): number | undefined {
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(text);
  return m ? m.index + 1 : undefined;
}
