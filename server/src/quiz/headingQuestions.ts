// Terms noted under a heading or a list item: `### ELB 로드 밸런서 유형` over `Application : …`,
// `Network : …`, `Gateway : …` asks for the three. The answer lists every item the section
// names (definition items and items that are just a name); sentences are remarks and do not
// count. Only sections built mostly from named items qualify, with at least two definitions.
import type { Block } from '../parse/noteModel';
import type { QuizItem } from '../protocol';
import { generatedCardId } from './cardIds';
import { definitionOf, labelOf } from './definitionItems';
import type { NoteSource } from './noteSource';
import { t } from '../l10n';

const MIN_DEFINITIONS = 2;
const MAX_TERMS = 8;
const MAX_NAME_WORDS = 3;
const MAX_NAME_CHARS = 30;
const PARENS = /\([^()]*\)|（[^（）]*）/g;
/** `매우 중요함`, `확인 필요함` end like a Korean note-style sentence, not a name. */
const SENTENCE_ENDING = /[함음임됨짐]$/;

export function headingQuestions(note: NoteSource): QuizItem[] {
  const sections = new Map<Block, Block[]>();
  for (const block of note.model.blocks) {
    const section = note.sectionOf(block);
    if (section && block.kind === 'listItem') {
      sections.set(section, [...(sections.get(section) ?? []), block]);
    }
  }
  const out: QuizItem[] = [];
  for (const [section, items] of sections) {
    const label = labelOf(note, section);
    const terms = items.map((b) => nameOf(note, b)).filter((t): t is string => !!t);
    const definitions = items.filter((b) => definitionOf(note, b)).length;
    if (!label || definitions < MIN_DEFINITIONS || terms.length > MAX_TERMS || terms.length * 2 < items.length) {
      continue;
    }
    const answer = terms.join(', ');
    const question = {
      id: generatedCardId('heading', note.uri, label),
      kind: 'heading' as const,
      prompt: t(note.locale, 'listUnder', label, terms.length),
      answer,
    };
    out.push(note.place(question, section, 0, section.text.length, `${label}\n${answer}`));
  }
  return out;
}

/** The term an item defines, or its text when that is a bare name (`권한 경계`, `Policy (정책)`). */
function nameOf(note: NoteSource, item: Block): string | undefined {
  const defined = definitionOf(note, item)?.term;
  if (defined) {
    return defined;
  }
  const text = item.text.trim().replace(/\s*[:：]$/, '');
  const bare = text.replace(PARENS, ' ');
  const isName =
    text.length > 0 &&
    text.length <= MAX_NAME_CHARS &&
    !/[.,;!?]/.test(bare) &&
    !SENTENCE_ENDING.test(text) &&
    bare.trim().split(/\s+/).length <= MAX_NAME_WORDS;
  return isName ? text : undefined;
}
