// "What is SSE-S3?" from the note's own definition items. Options, when there are enough, are
// the nearest definitions in the same section (list item or heading): the easiest to confuse.
import type { QuizItem } from '../protocol';
import type { Block } from '../parse/noteModel';
import { generatedCardId, normalizeKey } from './cardIds';
import { definitionOf, labelOf, type Definition } from './definitionItems';
import { DISTRACTORS, multipleChoice } from './distractors';
import type { NoteSource } from './noteSource';
import { t } from '../l10n';

/** Blocks apart beyond which two definitions are not neighbours (flat notes have one huge section). */
const NEIGHBOURHOOD = 12;
/** Words that name an aspect of the section rather than a term: `장점 : 가볍고 빠름` needs its heading. */
const ASPECT =
  /^(?:장점|단점|특징|공통점|차이점?|목적|용도|정의|예시?|참고|요약|정리|pros|cons|advantages?|disadvantages?|purpose|use cases?|summary)$/i;

export function definitionQuestions(note: NoteSource): QuizItem[] {
  const blockIndex = new Map(note.model.blocks.map((b, i) => [b, i]));
  const definitions = note.model.blocks.map((b) => definitionOf(note, b)).filter((d): d is Definition => !!d);
  const bySection = new Map<Block | undefined, Definition[]>();
  for (const d of definitions) {
    const section = note.sectionOf(d.block);
    bySection.set(section, [...(bySection.get(section) ?? []), d]);
  }
  // A term the note defines more than once (`Memcached : …` under several metrics) needs its place to tell them apart.
  const times = new Map<string, number>();
  for (const d of definitions) {
    times.set(normalizeKey(d.term), (times.get(normalizeKey(d.term)) ?? 0) + 1);
  }
  return definitions.map((d) => {
    const ambiguous = ASPECT.test(d.term) || times.get(normalizeKey(d.term))! > 1;
    const contextBlock = d.block.parent ?? (ambiguous ? d.block.headings.at(-1) : undefined);
    const context = contextBlock && labelOf(note, contextBlock);
    const subject = context ? t(note.locale, 'inContext', context, d.term) : d.term;
    const id = generatedCardId('definition', note.uri, subject);
    const at = blockIndex.get(d.block)!;
    const distance = (s: Definition) => Math.abs(blockIndex.get(s.block)! - at);
    const neighbours = bySection
      .get(note.sectionOf(d.block))!
      .filter((s) => normalizeKey(s.term) !== normalizeKey(d.term) && distance(s) <= NEIGHBOURHOOD)
      .sort((a, b) => distance(a) - distance(b))
      .slice(0, DISTRACTORS + 1)
      .map((s) => s.body);
    const question = {
      id,
      kind: 'definition' as const,
      prompt: t(note.locale, 'whatIs', subject),
      answer: d.body,
      ...multipleChoice(id, d.body, [neighbours]),
    };
    return note.place(question, d.block, 0, d.block.text.length, `${subject}\n${d.body}`);
  });
}
