// The quiz of some notes in memory, through the functions the service's quiz runs per note and per scope.
import { noteQuestions, quizFromNotes, type CardSeparatorSettings, type QuizNote } from '../../server/src/features/quizItems';
import { diagnosticsContext } from '../../server/src/features/diagnostics';
import type { Knowledge } from '../../server/src/knowledge/loadKnowledge';
import type { Locale } from '../../server/src/knowledge/glossary';
import type { QuizItem, QuizScope } from '../../server/src/protocol';

export type QuizOptions = CardSeparatorSettings & { locale?: Locale; scope?: QuizScope };

export function quizOf(
  knowledge: Knowledge,
  notes: readonly QuizNote[],
  { scope = { kind: 'all' }, locale = 'ko', ...settings }: QuizOptions = {},
): QuizItem[] {
  const ctx = { knowledge, locale, checker: diagnosticsContext(knowledge, locale) };
  return quizFromNotes(
    ctx,
    scope,
    notes.map((n) => noteQuestions(n, ctx, settings)),
  );
}
