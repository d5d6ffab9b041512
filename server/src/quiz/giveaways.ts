// When the words of a question point at its answer among the options: `트래픽 미러링(이)란?` with
// only one option saying `트래픽을 복사`, or `"AWS에서 제공하는 정책"인 것은?` with only one option
// named `AWS 관리형 정책`. Such a question is asked without options (or about another value).
// A word counts in either language: `프로세스 수준` gives away the one option named `Process-based`.
import type { Glossary } from '../knowledge/glossary';
import { translationsOf } from './wordTranslations';

/** Text with the glossary entries it names (aliases of one entry count as the same word). */
export interface Wording {
  text: string;
  entries?: readonly number[];
}

/** Latin words that carry no meaning of their own. */
const STOPWORDS = new Set(
  'the and for with from into onto that this what which when where your you are was were can not use used using based its their than then also only each any all'.split(
    ' ',
  ),
);

/** The content words of a text as stems: lower-case Latin words of 3+ letters without a plural `s`, Hangul words of 2+ syllables. */
export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z0-9]*|[\p{Script=Hangul}]+/gu) ?? [];
  const stems = words.flatMap((w) => {
    if (/^[a-z]/.test(w)) {
      return w.length >= 3 && !STOPWORDS.has(w) ? [w.length > 3 ? w.replace(/(?<!s)s$/, '') : w] : [];
    }
    return [...w].length >= 2 ? [w] : [];
  });
  return [...new Set(stems)];
}

/** Words of a name whose initials may stand for them in a clue (`SCSI`, `IaC`). */
const INITIALISM_WORDS = 3;

/** The initials of each run of at least three words (`Internet Small Computer Systems Interface` says SCSI). */
function initialisms(name: string): string[] {
  const words = name.match(/[A-Za-z][\w-]*/g) ?? [];
  const out: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + INITIALISM_WORDS; end <= words.length; end++) {
      out.push(
        words
          .slice(start, end)
          .map((w) => w[0])
          .join('')
          .toLowerCase(),
      );
    }
  }
  return out;
}

/**
 * The content words of a name, of each of its joined words (`CodeArtifact` says code and artifact,
 * `OpenZFS` ZFS), its initialisms (`Infrastructure as Code` says IaC) and its Korean words of one
 * syllable (`열 기반 스토리지` says 열).
 */
function nameWords(name: string): string[] {
  const syllables = name.split(/[\s()]+/).filter((w) => /^\p{Script=Hangul}$/u.test(w));
  return [
    ...new Set([...contentWords(name), ...contentWords(name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ')), ...initialisms(name), ...syllables]),
  ];
}

/** The words of a text as `appears` reads them. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z0-9]*|[\p{Script=Hangul}]+/gu) ?? [];
}

/** A word stem appears in a text when a word there starts with it (`트래픽` in `트래픽을`, `log` in `logs`). */
function appears(stem: string, text: string): boolean {
  return wordsOf(text).some((w) => w.startsWith(stem));
}

/** A word stem appears in a text as itself or translated (`process` in `프로세스 수준`). */
function said(glossary: Glossary, stem: string, text: string): boolean {
  return [stem, ...translationsOf(glossary, stem)].some((w) => appears(w, text));
}

/**
 * Whether a word (or glossary entry) of `name` shows up in `clue`, as itself or translated by the
 * glossary's names, but not in every one of the other options: the learner would pick the answer by matching words, not by knowing it.
 */
export function givesAway(glossary: Glossary, name: Wording, clue: Wording, others: readonly Wording[]): boolean {
  const word = nameWords(name.text).some((w) => said(glossary, w, clue.text) && others.some((o) => !said(glossary, w, o.text)));
  const entry = (name.entries ?? []).some((e) => clue.entries?.includes(e) && others.some((o) => !o.entries?.includes(e)));
  return word || entry;
}

/** Share of a clue's content words another definition must say for the clue to describe it too. */
const FITS_SHARE = 2 / 3;

/**
 * Whether a masked description also fits another entry, whose own definition says most of its
 * words (`널리 쓰이는 오픈 소스 관계형 데이터베이스 엔진` fits MariaDB and PostgreSQL as well as MySQL):
 * such an entry is no wrong option.
 */
export function alsoDescribes(clue: string, definition: string): boolean {
  const words = contentWords(clue);
  const said = wordsOf(definition);
  return words.length > 0 && words.filter((w) => said.some((d) => d.startsWith(w))).length >= words.length * FITS_SHARE;
}
