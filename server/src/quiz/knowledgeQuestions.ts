// Questions from the built-in knowledge, in the UI language: glossary entries asked both ways
// (name → definition, definition → name with same-category options) and dated facts as
// true/false: an outdated claim (false) and the current fact (true), with what changed after.
import type { GlossaryEntry, Locale } from '../knowledge/glossary';
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { CompiledFact } from '../facts/factBook';
import { changeDate } from '../features/diagnostics';
import type { QuizItem } from '../protocol';
import { multipleChoice } from './distractors';
import { BLANK } from './quizStrings';
import { t } from '../l10n';

export function glossaryQuestions(knowledge: Knowledge, locale: Locale, termIds: ReadonlySet<string>): QuizItem[] {
  const { glossary } = knowledge;
  return glossary.entries.flatMap((entry, index) => {
    const definition = entry.definition[locale];
    if (!termIds.has(entry.id) || !definition) {
      return [];
    }
    const name = displayName(entry, locale);
    const common = { termIds: [entry.id], ...(entry.docs ? { sourceUrl: entry.docs } : {}) };
    const sameCategory = glossary.entries.filter((e) => e !== entry && e.category === entry.category);
    const names = (inScope: boolean) => sameCategory.filter((e) => termIds.has(e.id) === inScope).map((e) => displayName(e, locale));
    const nameId = `glossary:${entry.id}:name`;
    const described = masked(knowledge, index, definition);
    return [
      {
        id: `glossary:${entry.id}:definition`,
        kind: 'glossary' as const,
        prompt: t(locale, 'whatIs', name),
        answer: definition,
        ...common,
      },
      {
        id: nameId,
        kind: 'glossary' as const,
        prompt: t(locale, 'whichTerm', described),
        answer: name,
        ...multipleChoice(nameId, name, [names(true), names(false)]),
        ...common,
      },
    ];
  });
}

export function factQuestions(knowledge: Knowledge, locale: Locale, termIds: ReadonlySet<string>): QuizItem[] {
  return knowledge.facts.facts.flatMap((compiled) => {
    const { fact } = compiled;
    if (!fact.about.some((id) => termIds.has(id))) {
      return [];
    }
    const when = changedWhen(locale, compiled);
    const common = { kind: 'fact' as const, termIds: fact.about, sourceUrl: fact.source, choices: [t(locale, 'true'), t(locale, 'false')] };
    const claim = fact.examples.match.find((e) => isKorean(e.text) === (locale === 'ko'));
    const items: QuizItem[] = [];
    if (claim) {
      const text = claim.text.replace(/\[\[|\]\]/g, '');
      const statement = claim.context?.length ? `[${claim.context.join(' › ')}] ${text}` : withSubject(knowledge, fact.about, text);
      items.push({
        id: `fact:${fact.id}:claim`,
        prompt: t(locale, 'trueFalse', statement),
        answer: t(locale, 'false'),
        answerIndex: 1,
        explanation: `${fact.current[locale]} ${when}`.trim(),
        ...common,
      });
    }
    items.push({
      id: `fact:${fact.id}:current`,
      prompt: t(locale, 'trueFalse', withSubject(knowledge, fact.about, fact.current[locale])),
      answer: t(locale, 'true'),
      answerIndex: 0,
      explanation: `${fact.changed[locale]} ${when}`.trim(),
      ...common,
    });
    return items;
  });
}

/** `보안 그룹 (Security Group)` in Korean when the Korean name differs, the English name otherwise. */
export function displayName(entry: GlossaryEntry, locale: Locale): string {
  return locale === 'ko' && isKorean(entry.nameKo) ? `${entry.nameKo} (${entry.name})` : entry.name;
}

/** The definition with the entry's own names blanked, so that it can be asked for. */
function masked(knowledge: Knowledge, entry: number, definition: string): string {
  const text = definition.normalize('NFC');
  const own = knowledge.matcher.find(text).filter((m) => m.entry === entry);
  return own.reduceRight((out, m) => out.slice(0, m.start) + BLANK + out.slice(m.end), text);
}

/** `[EC2] 리전별 vCPU 할당량…`: a statement that names none of the fact's subjects says what it is about. */
function withSubject(knowledge: Knowledge, about: readonly string[], statement: string): string {
  const { glossary, matcher } = knowledge;
  const named = matcher.find(statement.normalize('NFC')).some((m) => about.includes(glossary.entries[m.entry].id));
  const subject = glossary.get(about[0])?.shortName;
  return named || !subject ? statement : `[${subject}] ${statement}`;
}

function changedWhen(locale: Locale, fact: CompiledFact): string {
  const when = changeDate(locale, fact);
  return when && `(${when})`;
}

function isKorean(text: string): boolean {
  return /\p{Script=Hangul}/u.test(text);
}
