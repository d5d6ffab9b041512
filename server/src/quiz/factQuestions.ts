// Dated facts as recall questions that style cannot give away: every card shows what older notes
// say and asks for what is true now, so no card's form hints at its answer and no fact is asked
// both ways. A fact whose replacement is a name (a renamed service, a successor) asks for that
// name; one whose old claim is false now asks for the current fact. Facts that are only outdated
// in wording without a successor (a service closed to new customers, a list that lacks a newer
// option) or known only from third parties make no card: their old claim is not false.
import type { Locale } from '../knowledge/glossary';
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { CompiledFact, Fact, FactExample } from '../facts/factBook';
import { changeDate } from '../features/diagnostics';
import type { QuizItem } from '../protocol';
import { normalizeKey } from './cardIds';
import { displayName, unnamedService } from './knowledgeNames';
import { firstSentence, restAfterFirstSentence } from './sentences';
import { t } from '../l10n';

/** Old claims longer than this read as paragraphs, not as a line of a note. */
const MAX_CLAIM_CHARS = 90;

export function factQuestions(knowledge: Knowledge, locale: Locale, termIds: ReadonlySet<string>): QuizItem[] {
  return knowledge.facts.facts.flatMap((compiled) => {
    const { fact } = compiled;
    if (!fact.about.some((id) => termIds.has(id)) || fact.confidence !== 'confirmed') {
      return [];
    }
    const when = changeDate(locale, compiled);
    const common = { id: `fact:${fact.id}`, kind: 'fact' as const, termIds: fact.about, sourceUrl: fact.source, group: `fact:${fact.id}` };
    const successor = fact.replacement?.[locale];
    if (successor && isName(successor)) {
      const old = oldName(knowledge, locale, fact);
      // `QuickSight` → `Quick Sight` differs in spelling only: the card would teach nothing.
      const subject = old && (subjectUnnamed(knowledge, fact.about, old) ?? serviceOfPart(knowledge, fact.about, old));
      return old && letters(old) !== letters(successor)
        ? [
            {
              ...common,
              // `Xen` alone does not say it was EC2's hypervisor.
              prompt: (subject ? `[${subject}] ` : '') + t(locale, 'factRenamed', old),
              answer: successor,
              explanation: explain([fact.current[locale], fact.changed[locale]], when),
            },
          ]
        : [];
    }
    const claim = fact.severity === 'warning' ? oldClaim(knowledge, locale, compiled) : undefined;
    if (!claim) {
      return [];
    }
    // A retired service's current fact says what is left of it; what changed says that it is gone.
    const [main, other] = fact.mentions ? [fact.changed[locale], fact.current[locale]] : [fact.current[locale], fact.changed[locale]];
    return [
      {
        ...common,
        prompt: t(locale, 'factNow', claim),
        answer: firstSentence(main),
        explanation: explain([restAfterFirstSentence(main), other], when),
      },
    ];
  });
}

function explain(details: string[], when: string): string {
  return [...details, when && `(${when})`].filter(Boolean).join(' ');
}

/** `Amazon Data Firehose`, `Nitro 하이퍼바이저`, `SAA-C03`: not a quantity such as `15분` or `$0.10`. */
function isName(text: string): boolean {
  return /^\p{L}/u.test(text.trim());
}

/** What older notes call the thing: the retired glossary term, else the span its examples mark most often. */
function oldName(knowledge: Knowledge, locale: Locale, fact: Fact): string | undefined {
  const retired = fact.mentions?.map((id) => knowledge.glossary.get(id)).find((e) => e !== undefined);
  if (retired) {
    return displayName(retired, locale);
  }
  const counts = new Map<string, { text: string; n: number }>();
  const inLocale = fact.examples.match.filter((e) => isKorean(e.text) === (locale === 'ko'));
  for (const example of inLocale.length ? inLocale : fact.examples.match) {
    for (const [, span] of example.text.matchAll(/\[\[(.*?)\]\]/g)) {
      const key = normalizeKey(span);
      const seen = counts.get(key);
      counts.set(key, { text: seen?.text ?? span, n: (seen?.n ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || b.text.length - a.text.length)[0]?.text;
}

/** The old claim as a line of a note in the UI language, with its place when its words do not name the subject. */
function oldClaim(knowledge: Knowledge, locale: Locale, { fact }: CompiledFact): string | undefined {
  const readable = (e: FactExample) =>
    isKorean(e.text) === (locale === 'ko') &&
    e.asOf === undefined &&
    !e.also?.length &&
    !e.text.includes('|') &&
    plain(e).length <= MAX_CLAIM_CHARS;
  const example = fact.examples.match.filter(readable).sort((a, b) => plain(b).length - plain(a).length)[0];
  if (!example) {
    return undefined;
  }
  const text = plain(example).replace(/^[-*+]\s+/, '');
  const subject = example.context?.length
    ? placeOf(knowledge, fact.about, example.context, text)
    : subjectUnnamed(knowledge, fact.about, text);
  return subject ? `[${subject}] ${text}` : text;
}

/**
 * The example's place, down to the fact's subject when that is the one part it is about and the
 * place and text leave it unnamed (`EBS 볼륨 › gp2`).
 */
function placeOf(knowledge: Knowledge, about: readonly string[], context: readonly string[], text: string): string {
  const { glossary } = knowledge;
  const [subject, ...rest] = about;
  const onePart = glossary.typeOf(subject) === 'part' && !rest.some((id) => glossary.typeOf(id) === 'part');
  const unnamedPart = onePart && !namesSubject(knowledge, [subject], [...context, text].join(' '));
  return [...context, ...(unnamedPart ? [knowledge.glossary.get(subject)!.shortName] : [])].join(' › ');
}

/** The service of a part the text names without it (`마스터 계정`, of Organizations). */
function serviceOfPart(knowledge: Knowledge, about: readonly string[], text: string): string | undefined {
  const { glossary, matcher } = knowledge;
  const parts = matcher
    .find(text.normalize('NFC'))
    .map((m) => glossary.entries[m.entry])
    .filter((e) => about.includes(e.id));
  return parts.map((part) => unnamedService(glossary, part, text)?.shortName).find(Boolean);
}

/** The fact's subject, when the text does not name it. */
function subjectUnnamed(knowledge: Knowledge, about: readonly string[], text: string): string | undefined {
  return namesSubject(knowledge, about, text) ? undefined : knowledge.glossary.get(about[0])?.shortName;
}

function plain(example: FactExample): string {
  return example.text.replace(/\[\[|\]\]/g, '').trim();
}

function namesSubject(knowledge: Knowledge, about: readonly string[], text: string): boolean {
  const { glossary, matcher } = knowledge;
  return matcher.find(text.normalize('NFC')).some((m) => about.includes(glossary.entries[m.entry].id));
}

function letters(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function isKorean(text: string): boolean {
  return /\p{Script=Hangul}/u.test(text);
}
