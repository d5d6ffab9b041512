// The quiz questions for a scope: cards the user wrote, questions generated from the notes
// (definitions, comparison tables, terms under headings) and from the built-in knowledge
// (glossary entries and dated facts about the terms in scope). Pure: the caller gathers the notes.
import type { QuizItem, QuizScope } from '../protocol';
import type { Knowledge } from '../knowledge/loadKnowledge';
import type { Glossary } from '../knowledge/glossary';
import { NoteSource, type QuizContext, type QuizNote } from '../quiz/noteSource';
import { DEFAULT_SEPARATORS, explicitCards } from '../quiz/explicitCards';
import { definitionQuestions } from '../quiz/definitionQuestions';
import { tableQuestions } from '../quiz/tableQuestions';
import { headingQuestions } from '../quiz/headingQuestions';
import { glossaryQuestions } from '../quiz/glossaryQuestions';
import { factQuestions } from '../quiz/factQuestions';

export type { QuizNote } from '../quiz/noteSource';

export interface QuizItemsInput extends QuizContext, CardSeparatorSettings {
  scope: QuizScope;
  /** The notes in scope; for a term or category scope, the notes that may mention its terms. */
  notes: readonly QuizNote[];
}

/** What one note contributes, whatever the scope: cacheable per note version. */
export interface NoteQuestions {
  items: QuizItem[];
  /** Glossary ids the note mentions. */
  mentioned: string[];
}

export interface CardSeparatorSettings {
  cardSeparator?: string;
  reversedCardSeparator?: string;
}

export function quizItems(input: QuizItemsInput): QuizItem[] {
  return quizFromNotes(
    input,
    input.scope,
    input.notes.map((n) => noteQuestions(n, input, input)),
  );
}

/** The questions written in or generated from one note. */
export function noteQuestions(note: QuizNote, ctx: QuizContext, settings: CardSeparatorSettings): NoteQuestions {
  const separators = {
    card: settings.cardSeparator ?? DEFAULT_SEPARATORS.card,
    reversed: settings.reversedCardSeparator ?? DEFAULT_SEPARATORS.reversed,
  };
  const source = new NoteSource(note, ctx);
  return {
    items: [...explicitCards(source, separators), ...definitionQuestions(source), ...tableQuestions(source), ...headingQuestions(source)],
    mentioned: [...source.mentioned].map((e) => ctx.knowledge.glossary.entries[e].id),
  };
}

/** A scope's quiz from its notes' questions: note questions about the scope, then the knowledge base's. */
export function quizFromNotes({ knowledge, locale }: QuizContext, scope: QuizScope, notes: readonly NoteQuestions[]): QuizItem[] {
  const terms = termsInScope(knowledge, scope, new Set(notes.flatMap((n) => n.mentioned)));
  const fromNotes = notes
    .flatMap((n) => n.items)
    .filter((item) => (scope.kind !== 'term' && scope.kind !== 'category') || item.termIds.some((id) => terms.has(id)));
  return withUniqueIds([...fromNotes, ...glossaryQuestions(knowledge, locale, terms), ...factQuestions(knowledge, locale, terms)]);
}

/** Notes and folders: the terms they mention; a term: it and its relations; a category: its mentioned terms. */
function termsInScope(knowledge: Knowledge, scope: QuizScope, mentioned: ReadonlySet<string>): Set<string> {
  const candidates = scopeTermIds(knowledge.glossary, scope);
  if (scope.kind === 'term') {
    return new Set(candidates);
  }
  return new Set(candidates ? candidates.filter((id) => mentioned.has(id)) : mentioned);
}

/** The glossary ids a term or category scope is about; undefined for scopes made of notes. */
export function scopeTermIds(glossary: Glossary, scope: QuizScope): string[] | undefined {
  switch (scope.kind) {
    case 'term':
      return [scope.termId, ...glossary.related(scope.termId).map((r) => r.target.id)];
    case 'category':
      return glossary.entries.filter((e) => e.category === scope.category).map((e) => e.id);
    default:
      return undefined;
  }
}

/** The same question written twice (in two notes, say) must still be two cards for the client. */
function withUniqueIds(items: QuizItem[]): QuizItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    return n === 1 ? item : { ...item, id: `${item.id}~${n}` };
  });
}
