// Terms noted under a heading or a list item: `### ELB 로드 밸런서 유형` over `Application : …`,
// `Network : …`, `Gateway : …` asks for the three. Only where definition items make up at least
// half of the section, so that the answer is the list the note actually draws up.
import type { Block } from '../parse/noteModel';
import type { QuizItem } from '../protocol';
import { generatedCardId } from './cardIds';
import { definitionOf, labelOf, type Definition } from './definitionItems';
import type { NoteSource } from './noteSource';
import { quizText } from './quizStrings';

const MIN_TERMS = 2;
const MAX_TERMS = 8;

export function headingQuestions(note: NoteSource): QuizItem[] {
  const sections = new Map<Block, Block[]>();
  for (const block of note.model.blocks) {
    const section = note.sectionOf(block);
    if (section && block.kind === 'listItem') sections.set(section, [...(sections.get(section) ?? []), block]);
  }
  const out: QuizItem[] = [];
  for (const [section, items] of sections) {
    const terms = items.map((b) => definitionOf(note, b)).filter((d): d is Definition => !!d).map((d) => d.term);
    const label = labelOf(note, section);
    if (!label || terms.length < MIN_TERMS || terms.length > MAX_TERMS || terms.length * 2 < items.length) continue;
    const answer = terms.join(', ');
    const question = {
      id: generatedCardId('heading', note.uri, label),
      kind: 'heading' as const,
      prompt: quizText(note.locale, 'listUnder', label, terms.length),
      answer,
    };
    out.push(note.place(question, section, 0, section.text.length, `${label}\n${answer}`));
  }
  return out;
}
