// Stable quiz card ids. The review history of a card is keyed by its id, so an id must survive
// the edits a user makes while studying: explicit cards are keyed by their normalized question
// (fixing the answer keeps the history), generated ones by generator + note + an anchor that
// does not move when lines are inserted above it.
import { createHash } from 'node:crypto';

/** Case, spacing, punctuation and Markdown marks do not change what a question asks. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

export function explicitCardId(kind: 'card' | 'reverse' | 'cloze', question: string, ordinal = 0): string {
  return `${kind}:${shortHash(normalizeKey(question))}${ordinal ? `.${ordinal}` : ''}`;
}

export function generatedCardId(generator: string, uri: string, anchor: string): string {
  return `${generator}:${shortHash(`${uri}\n${normalizeKey(anchor)}`)}`;
}
