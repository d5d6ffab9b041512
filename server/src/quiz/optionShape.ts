// Options a learner cannot tell apart by their form: a duration among durations, a list among
// lists, a sentence among sentences of a like length. An answer that is the only duration among
// counts, or the only list among sentences, is picked without knowing anything. An option that
// says what the answer says is no distractor either.
import { normalizeKey } from './cardIds';

const DURATION = /^(?:ms|밀리초|초|분|시간|일|주|개월|년|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)$/i;
const SIZE = /^(?:[kmgtpe]i?b|bytes?|바이트|비트|bits?)$/i;
/** A number first, with little text after it: `900초 (15분)`, `128MB에서 10GB까지`, `1000 (증가 가능)`. */
const QUANTITY = /^[~≈약최대소\s]*(\d[\d,.]*)\s*([A-Za-z]+|%|밀리초|시간|개월|[초분일주년])?/u;
const MAX_QUANTITY_LETTERS = 16;
/** Items of a list are short: `범용 SSD, 콜드 HDD, ...`. */
const MAX_LIST_ITEM_WORDS = 4;
const MIN_LIST_ITEMS = 3;
/** The longer of two prose options may be this many times the shorter at most. */
const MAX_LENGTH_RATIO = 3;

export function shapeOf(text: string): string {
  const body = text.trim();
  const quantity = QUANTITY.exec(body);
  if (quantity && (body.match(/\p{L}/gu)?.length ?? 0) <= MAX_QUANTITY_LETTERS) {
    const unit = quantity[2] ?? '';
    return `quantity:${DURATION.test(unit) ? 'duration' : SIZE.test(unit) ? 'size' : unit === '%' ? 'share' : unit ? 'other' : 'count'}`;
  }
  const items = body.split(/\s*[,、·]\s*/);
  if (items.length >= MIN_LIST_ITEMS && items.every((i) => i && i.split(/\s+/).length <= MAX_LIST_ITEM_WORDS && !/[.!?다]$/.test(i))) {
    return 'list';
  }
  return 'prose';
}

/**
 * Whether `option` has the shape of `answer`: as prose, of a like length; as a quantity or a list,
 * with a remark in brackets on both or neither (`3306 (MySQL과 같음)` stands out among bare ports).
 */
export function sameShape(answer: string, option: string): boolean {
  const shape = shapeOf(answer);
  if (shape !== shapeOf(option)) {
    return false;
  }
  const [short, long] = [answer.trim().length, option.trim().length].sort((a, b) => a - b);
  const remarked = (text: string) => /[(（]/.test(text);
  return shape === 'prose' ? long <= short * MAX_LENGTH_RATIO : remarked(answer) === remarked(option);
}

/** Whether `option` says what `answer` says: one contains the other (`3306 (MySQL과 같음)` beside `3306`), or both are the same number. */
export function alsoRight(answer: string, option: string): boolean {
  const [a, o] = [normalizeKey(answer), normalizeKey(option)];
  const number = (text: string) => (shapeOf(text).startsWith('quantity') ? QUANTITY.exec(text.trim())![1] : undefined);
  return (!!a && !!o && (a.includes(o) || o.includes(a))) || (number(answer) !== undefined && number(answer) === number(option));
}
