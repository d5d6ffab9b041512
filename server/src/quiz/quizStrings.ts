// Question templates in Korean and English. Note-derived questions use the note's language,
// knowledge-base questions the UI language.
import type { Locale } from '../knowledge/glossary';

const templates = {
  whatIs: { en: 'What is {0}?', ko: '{0}(이)란?' },
  inContext: { en: '{0} › {1}', ko: '{0} › {1}' },
  whichRow: { en: '{0}: which one is "{1}"?', ko: '{0}: "{1}"인 것은?' },
  whichValue: { en: 'Which one: "{0}"?', ko: '"{0}"인 것은?' },
  listUnder: { en: 'Name the {1} items noted under "{0}".', ko: '"{0}"에 정리한 {1}가지는?' },
  whichTerm: { en: 'Which service or term is this?\n{0}', ko: '다음 설명에 해당하는 것은?\n{0}' },
  trueFalse: { en: '{0} — true or false?', ko: '{0} — O / X' },
  true: { en: 'True', ko: 'O' },
  false: { en: 'False', ko: 'X' },
} satisfies Record<string, Record<Locale, string>>;

export type QuizTemplate = keyof typeof templates;

export function quizText(locale: Locale, key: QuizTemplate, ...args: (string | number)[]): string {
  return templates[key][locale].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}

/** The blank that stands for a hidden term. */
export const BLANK = '_____';
