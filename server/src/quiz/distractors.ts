// Multiple-choice options. Distractors come in tiers (the same section first, then the same
// glossary category); within a tier the pick is a stable shuffle seeded by the card id, so a card
// shows the same options every time it comes up.
import { normalizeKey, shortHash } from './cardIds';
import { withoutBrackets } from './answerQuality';

export interface Choices {
  choices: string[];
  answerIndex: number;
}

export const DISTRACTORS = 3;
/** Fewer distractors than this and the question is asked without options. */
export const MIN_DISTRACTORS = 2;

export function multipleChoice(
  seed: string,
  answer: string,
  tiers: readonly (readonly string[])[],
  min = MIN_DISTRACTORS,
): Choices | undefined {
  // `3306` and `3306 (MySQL과 같음)` are one option.
  const keyOf = (option: string) => normalizeKey(withoutBrackets(option)) || normalizeKey(option);
  const seen = new Set([keyOf(answer)]);
  const picked: string[] = [];
  for (const tier of tiers) {
    for (const option of stableShuffle(seed, tier)) {
      const key = keyOf(option);
      if (picked.length === DISTRACTORS || !key || seen.has(key)) {
        continue;
      }
      seen.add(key);
      picked.push(option);
    }
  }
  if (picked.length < min) {
    return undefined;
  }
  const answerIndex = rank(seed, 'answer') % (picked.length + 1);
  picked.splice(answerIndex, 0, answer);
  return { choices: picked, answerIndex };
}

function stableShuffle(seed: string, options: readonly string[]): string[] {
  return options
    .map((option) => ({ option, key: rank(seed, option) }))
    .sort((a, b) => a.key - b.key)
    .map((o) => o.option);
}

function rank(seed: string, value: string): number {
  return parseInt(shortHash(`${seed}\n${value}`).slice(0, 8), 16);
}
