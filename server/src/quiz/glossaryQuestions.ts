// Questions from the built-in glossary, in the UI language, about the terms the notes mention:
// "what is X?" (the definition's first sentence is the answer, the rest the explanation) and
// "which term is this?" from that sentence with every name of the answer blanked, with options
// that are easy to confuse with it: the curated confusables, the entries the glossary compares it
// with, its siblings in the same service, then entries of the same category and type (for general
// concepts: of the same kind, as their definitions say); none whose own definition the clue fits.
import type { Glossary, GlossaryEntry, Locale } from '../knowledge/glossary';
import { aliasText, allNames } from '../knowledge/glossary';
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { QuizItem } from '../protocol';
import { DISTRACTORS, multipleChoice } from './distractors';
import { confusablesOf } from './confusables';
import { displayName, unnamedService } from './knowledgeNames';
import { BLANK } from './quizStrings';
import { escapeRegExp } from '../text/regExp';
import { saysLittleBesideBlank } from './thinValues';
import { firstSentence, restAfterFirstSentence } from './sentences';
import { t } from '../l10n';
import { alsoDescribes, contentWords, givesAway } from './giveaways';

/** Words of a name that say nothing about which entry it is. */
const FUNCTION_WORDS = new Set(['amazon', 'aws', 'for', 'and', 'the', 'of', 'on', 'in', 'to', 'with', 'a', 'an', '및', '의']);
/** A masked description with fewer letters than this left describes nothing. */
const MIN_CLUE_LETTERS = 8;
/** With more blanks than this, a masked description no longer reads as a sentence. */
const MAX_BLANKS = 3;

export function glossaryQuestions(knowledge: Knowledge, locale: Locale, termIds: ReadonlySet<string>): QuizItem[] {
  const { glossary } = knowledge;
  const siblings = partsByWhole(glossary);
  // General concepts share a category across kinds (protocols, certificates, attacks): they are told
  // apart by what their definition says they are, and one with no such word has no same-kind options.
  const kindOf = new Map(
    glossary.entries.map((e) => {
      const type = glossary.typeOf(e.id);
      return [e, type === 'concept' ? `concept/${headNoun(firstSentence(e.definition[locale] ?? '')) ?? e.id}` : `${e.category}/${type}`];
    }),
  );
  const byKind = new Map<string, GlossaryEntry[]>();
  for (const e of glossary.entries) {
    byKind.set(kindOf.get(e)!, [...(byKind.get(kindOf.get(e)!) ?? []), e]);
  }
  return glossary.entries.flatMap((entry, index) => {
    const definition = entry.definition[locale];
    if (!termIds.has(entry.id) || !definition) {
      return [];
    }
    const name = displayName(entry, locale);
    const common = {
      kind: 'glossary' as const,
      termIds: [entry.id],
      group: `glossary:${entry.id}`,
      ...(entry.docs ? { sourceUrl: entry.docs } : {}),
    };
    const rest = restAfterFirstSentence(definition);
    const items: QuizItem[] = [
      {
        id: `glossary:${entry.id}:definition`,
        prompt: t(locale, 'whatIs', underService(glossary, entry, name, locale)),
        answer: firstSentence(definition),
        ...(rest ? { explanation: rest } : {}),
        ...common,
      },
    ];
    const clue = cachedClue(knowledge, index, firstSentence(definition));
    // `_____는 _____사의 상용 관계형 _____입니다.`: a clue whose other names were blanked too and that is
    // left with little beside its blanks fits other names as well.
    if (clue && !(clue.split(BLANK).length > 2 && saysLittleBesideBlank(clue))) {
      const nameId = `glossary:${entry.id}:name`;
      // The service an entry is part of and named after (`DynamoDB` of `DynamoDB Accelerator`, of
      // `DynamoDB Global Tables`) is blanked wherever the description names it: only that service's
      // parts are options, so the clue need not say it (Aurora DSQL is multi-Region active-active too).
      const ownWords = new Set(
        [entry.name, entry.nameKo, ...entry.aliases.map(aliasText)].flatMap((n) => n.toLowerCase().split(/[\s()/,·\-–:]+/)),
      );
      const blankedWholes = wholesOf(entry).filter((id) => {
        const whole = glossary.get(id);
        return !!whole && allNames(whole).some((alias) => ownWords.has(aliasText(alias).toLowerCase()));
      });
      const kindOfAnswer = isAKindOf(entry, locale);
      const fits = (e: GlossaryEntry | undefined): e is GlossaryEntry =>
        !!e &&
        e !== entry &&
        // An old name (`AWS Single Sign-On`) is no wrong option, least of all beside its new one.
        !glossary.isRetired(e.id) &&
        !kindOfAnswer(e) &&
        !alsoDescribes(clue, e.definition[locale] ?? '') &&
        blankedWholes.every((whole) => glossary.withBroader(e.id).includes(whole));
      const names = (entries: readonly (GlossaryEntry | undefined)[]) => entries.filter(fits).map((e) => displayName(e, locale));
      const sameKind = byKind.get(kindOf.get(entry)!)!;
      const choices = multipleChoice(nameId, name, [
        names(confusablesOf(entry.id).map((id) => glossary.get(id))),
        names(
          glossary
            .related(entry.id)
            .filter((r) => r.type === 'compared-with' || r.type === 'alternative-to')
            .map((r) => r.target),
        ),
        names(wholesOf(entry).flatMap((whole) => siblings.get(whole) ?? [])),
        names(
          nearest(
            knowledge,
            entry,
            sameKind.filter((e) => termIds.has(e.id) && fits(e)),
          ),
        ),
        names(
          nearest(
            knowledge,
            entry,
            sameKind.filter((e) => !termIds.has(e.id) && fits(e)),
          ),
        ),
      ]);
      // `… gp2와 gp3가 있으며` names a part or a kind of the answer (gp2 is `이전 세대 범용 SSD`): among options, that gives it away.
      const hinted = () =>
        knowledge.matcher.find(clue).some(({ entry: e }) => {
          const other = glossary.entries[e];
          return other !== entry && (kindOfAnswer(other) || glossary.partsOf(entry.id).includes(other));
        });
      const options = choices && !namedInClue(glossary, name, clue, choices.choices) && !hinted() ? choices : undefined;
      // Asked for free recall, a description that fits another entry of its kind (`오픈 소스 관계형 데이터베이스 엔진`) has two answers.
      const ambiguous = !options && sameKind.some((e) => e !== entry && alsoDescribes(clue, e.definition[locale] ?? ''));
      // Without options to say it, the front names the service the blanks hide (`[FSx for Lustre] _____에는 … _____와 … _____가 있습니다`).
      const hidden = options ? [] : blankedWholes.flatMap((id) => glossary.get(id)?.shortName ?? []);
      if (!ambiguous) {
        items.push({
          id: nameId,
          prompt: (hidden.length ? `[${hidden.join(' › ')}] ` : '') + t(locale, 'whichTerm', clue),
          answer: name,
          ...options,
          ...(rest ? { explanation: rest } : {}),
          ...common,
        });
      }
    }
    return items;
  });
}

/**
 * `DNS 확인자는 … 재귀 네임 서버입니다` as an option for `네임 서버`: an entry whose first sentence says it
 * is a kind of the answer fits the answer's description too. Built once per answer: options are many.
 */
function isAKindOf(entry: GlossaryEntry, locale: Locale): (e: GlossaryEntry) => boolean {
  const names = [...new Set(allNames(entry).map(aliasText))];
  const english = new RegExp(`\\b(?:is|are)\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,2}(?:${names.map(escapeRegExp).join('|')})\\b`, 'i');
  return (e) => {
    const first = firstSentence(e.definition[locale] ?? '').trim();
    const genus = first.replace(/\s*(?:입니다|이다)\.?$/, '');
    return genus !== first ? names.some((name) => genus.endsWith(` ${name}`)) : english.test(first);
  };
}

/**
 * Whether a word of the answer's name is left in the clue (`SCSI` in the clue of `iSCSI`'s long
 * name) where other options lack it. The vendor prefix says nothing: every AWS name may have it.
 */
function namedInClue(glossary: Glossary, name: string, clue: string, choices: readonly string[]): boolean {
  const bare = (text: string) => ({ text: text.replace(/\b(?:AWS|Amazon)\b/g, ' ') });
  return givesAway(glossary, bare(name), bare(clue), choices.filter((c) => c !== name).map(bare));
}

/**
 * What a definition's first sentence says the thing is: the noun before the Korean copula
 * (`…양방향 통신 프로토콜입니다` → `프로토콜`) or after the English `is a` (`is a network protocol that…`
 * → `protocol`).
 */
export function headNoun(sentence: string): string | undefined {
  const ko = /([\p{Script=Hangul}]{2,}?)\s?(?:입니다|이다)\.?$/u.exec(sentence.trim());
  if (ko) {
    return ko[1];
  }
  const en =
    /\b(?:is|are)\s+(?:an?|the)\s+((?:[\w-]+\s+){0,4}?[\w-]+?)(?:\s+(?:that|which|who|where|for|of|to|in|on|used|with|from|between|by|where)\b|[,.;(]|$)/i.exec(
      sentence,
    );
  return en
    ? en[1]
        .split(/\s+/)
        .pop()!
        .toLowerCase()
        .replace(/(?<!s)s$/, '')
    : undefined;
}

function wholesOf(entry: GlossaryEntry): string[] {
  return (entry.relations ?? []).filter((r) => r.type === 'part-of').map((r) => r.target);
}

function partsByWhole(glossary: Glossary): Map<string, GlossaryEntry[]> {
  const parts = new Map<string, GlossaryEntry[]>();
  for (const entry of glossary.entries) {
    for (const whole of wholesOf(entry)) {
      parts.set(whole, [...(parts.get(whole) ?? []), entry]);
    }
  }
  return parts;
}

/** Blanked descriptions by knowledge: every quiz request asks for them again, and blanking builds a pattern per name. */
/**
 * `Elastic Transcoder` against media services, not against Lambda or Auto Scaling: of entries of
 * the same kind, the ones whose English definitions share the most words with the answer's.
 */
function nearest(knowledge: Knowledge, entry: GlossaryEntry, candidates: readonly GlossaryEntry[]): GlossaryEntry[] {
  const own = definitionWords(knowledge, entry);
  const shared = (e: GlossaryEntry) => [...definitionWords(knowledge, e)].filter((w) => own.has(w)).length;
  return candidates
    .map((e) => ({ e, n: shared(e) }))
    .sort((a, b) => b.n - a.n)
    .slice(0, DISTRACTORS)
    .map(({ e }) => e);
}

const wordSets = new WeakMap<Knowledge, Map<GlossaryEntry, Set<string>>>();

function definitionWords(knowledge: Knowledge, entry: GlossaryEntry): Set<string> {
  let known = wordSets.get(knowledge);
  if (!known) {
    known = new Map();
    wordSets.set(knowledge, known);
  }
  let words = known.get(entry);
  if (!words) {
    words = new Set(contentWords(entry.definition.en));
    known.set(entry, words);
  }
  return words;
}

const clues = new WeakMap<Knowledge, Map<string, string | undefined>>();

function cachedClue(knowledge: Knowledge, entryIndex: number, text: string): string | undefined {
  let known = clues.get(knowledge);
  if (!known) {
    known = new Map();
    clues.set(knowledge, known);
  }
  const key = `${entryIndex}\n${text}`;
  if (!known.has(key)) {
    known.set(key, maskNames(knowledge, entryIndex, text));
  }
  return known.get(key);
}

/**
 * The text with every name of the entry blanked: whatever the matcher recognises as the entry,
 * then every content word of its names and aliases (`Data`, `Firehose` of `Amazon Data Firehose`),
 * so that no part of the answer is left to match against the options. Undefined when too little
 * is left to recognise the entry by.
 */
export function maskNames(knowledge: Knowledge, entryIndex: number, text: string): string | undefined {
  const entry = knowledge.glossary.entries[entryIndex];
  let out = text.normalize('NFC');
  const own = knowledge.matcher.find(out).filter((m) => m.entry === entryIndex);
  out = own.reduceRight((s, m) => s.slice(0, m.start) + BLANK + s.slice(m.end), out);
  const names = [entry.name, entry.shortName, entry.nameKo, ...entry.aliases.map(aliasText)];
  const words = new Set(
    names
      .flatMap((n) => n.normalize('NFC').split(/[\s()/,·\-–:]+/))
      .filter((w) => [...w].length >= 2 && !FUNCTION_WORDS.has(w.toLowerCase()) && /[\p{L}\p{N}]/u.test(w)),
  );
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const escaped = escapeRegExp(word);
    const bounded = /^[\p{Script=Hangul}]/u.test(word) ? escaped : `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{Script=Latin}\\p{N}])`;
    out = out.replace(new RegExp(bounded, 'giu'), BLANK);
  }
  // Blanks side by side are one name, and so is a blank with a bracket closed around a blank (`_____(_____) _____`).
  const adjacent = new RegExp(`${BLANK}(?:[\\s\\-·/]*${BLANK}|\\s*\\(\\s*${BLANK}\\s*\\))`, 'g');
  for (let merged = out.replace(adjacent, BLANK); merged !== out; merged = out.replace(adjacent, BLANK)) {
    out = merged;
  }
  // `ETag(엔터티 태그)는`: a gloss in brackets right after the name says the name again.
  out = out.replace(new RegExp(`${BLANK}\\s*[(（][^()（）]{1,30}[)）]`, 'g'), BLANK);
  const clueLetters = out.split(BLANK).join('').match(/\p{L}/gu)?.length ?? 0;
  const blanks = out.split(BLANK).length - 1;
  return clueLetters >= MIN_CLUE_LETTERS && blanks <= MAX_BLANKS ? out : undefined;
}

/** `EC2 › 전용 인스턴스 (Dedicated Instance)`: a part asked under its service when its name does not say it. */
function underService(glossary: Glossary, entry: GlossaryEntry, name: string, locale: Locale): string {
  const service = unnamedService(glossary, entry, name);
  return service ? t(locale, 'inContext', service.shortName, name) : name;
}
