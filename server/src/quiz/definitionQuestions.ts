// "What is SSE-S3?" from the note's own definition items. Options, when there are enough, are
// the definitions next to it (same list item or heading), which are the ones easiest to confuse.
import type { QuizItem } from '../protocol';
import type { Block } from '../parse/noteModel';
import { generatedCardId } from './cardIds';
import { definitionOf, labelOf, type Definition } from './definitionItems';
import { multipleChoice } from './distractors';
import type { NoteSource } from './noteSource';
import { quizText } from './quizStrings';

export function definitionQuestions(note: NoteSource): QuizItem[] {
  const definitions = note.model.blocks.map((b) => definitionOf(note, b)).filter((d): d is Definition => !!d);
  const bySection = new Map<Block | undefined, Definition[]>();
  for (const d of definitions) {
    const section = note.sectionOf(d.block);
    bySection.set(section, [...(bySection.get(section) ?? []), d]);
  }
  return definitions.map((d) => {
    const context = d.block.parent && labelOf(note, d.block.parent);
    const subject = context ? quizText(note.locale, 'inContext', context, d.term) : d.term;
    const id = generatedCardId('definition', note.uri, subject);
    const siblings = bySection.get(note.sectionOf(d.block))!.filter((s) => s !== d).map((s) => s.body);
    const question = { id, kind: 'definition' as const, prompt: quizText(note.locale, 'whatIs', subject), answer: d.body, ...multipleChoice(id, d.body, [siblings]) };
    return note.place(question, d.block, 0, d.block.text.length, `${subject}\n${d.body}`);
  });
}
