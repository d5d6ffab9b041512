// A comparison value that says little once the compared names are blanked: `View CloudWatch
// metrics for the _____.` or `독립적인 _____` is true of every option, and only the hidden name told
// the rows apart. A value that leans on a blank must say enough beside it: several content words,
// or a number (`Discount up to 90% compared to _____`).
import { contentWords } from './giveaways';
import { BLANK } from './quizStrings';

/** Content words a value needs beside a blank to say something of its own. */
const MIN_WORDS_BESIDE_BLANK = 4;

export function saysLittleBesideBlank(value: string): boolean {
  if (!value.includes(BLANK)) {
    return false;
  }
  // A Korean particle or suffix glued to the blank (`_____별로`, `_____의`) belongs to the hidden name.
  const rest = value
    .split(BLANK)
    .map((part, i) => (i > 0 ? part.replace(/^\p{Script=Hangul}+/u, '') : part))
    .join(' ');
  return !/\d/.test(rest) && contentWords(rest).length < MIN_WORDS_BESIDE_BLANK;
}
