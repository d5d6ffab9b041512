// The quiz questions for a scope: cards the user wrote, questions generated from the notes
// (definitions, comparison tables, terms under headings) and from the built-in knowledge
// (glossary entries and dated facts about the terms in scope). Each note's questions are kept per
// note version, so only notes that changed are read and parsed again.
import type { QuizItem, QuizItemsParams, QuizScope, QuizSummary, QuizSummaryParams } from '../protocol';
import type { Knowledge } from '../knowledge/loadKnowledge';
import { CATEGORIES, type Glossary } from '../knowledge/glossary';
import { categoryLabel } from '../l10n';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { NoteStore } from '../workspace/noteStore';
import type { NoteCache } from '../workspace/noteCache';
import type { NoteModels } from '../parse/noteModels';
import type { NoteModel } from '../parse/noteModel';
import type { Finding } from './diagnostics';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { turns, type Cancellation, type Turn } from '../async/turns';
import { NoteSource, type QuizContext, type QuizNote } from '../quiz/noteSource';
import { DEFAULT_SEPARATORS, explicitCards } from '../quiz/explicitCards';
import { definitionQuestions } from '../quiz/definitionQuestions';
import { tableQuestions } from '../quiz/tableQuestions';
import { headingQuestions } from '../quiz/headingQuestions';
import { glossaryQuestions } from '../quiz/glossaryQuestions';
import { factQuestions } from '../quiz/factQuestions';

export type { QuizNote } from '../quiz/noteSource';

/** What the quiz reads the notes through. */
export interface QuizServices extends QuizContext {
  index: WorkspaceIndex;
  store: NoteStore;
  models: NoteModels;
  /** An open note's findings, from the cache its diagnostics keep. */
  openFindings: (doc: TextDocument, model: NoteModel) => Finding[];
  /** Each note's questions, keyed by the note version and settings they were made from. */
  questions: NoteCache<NoteQuestions>;
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

/** The questions of the notes in a scope; requests get a turn between notes. */
export async function quizItems(services: QuizServices, params: QuizItemsParams, token?: Cancellation): Promise<QuizItem[]> {
  const { store, rules, questions: cache } = services;
  const settings = JSON.stringify([params.cardSeparator, params.reversedCardSeparator, rules]);
  const perNote: NoteQuestions[] = [];
  const turn = turns(token);
  for (const uri of notesFor(services, params.scope)) {
    const key = `${settings}:${store.version(uri)}`;
    let questions = cache.lookup(uri, key);
    if (!questions) {
      const note = await quizNote(services, uri, turn);
      if (!note) {
        continue;
      }
      cache.set(uri, key, (questions = noteQuestions(note, services, params)));
    }
    perNote.push(questions);
    await turn();
  }
  return quizFromNotes(services, params.scope, perNote);
}

/** The workspace quiz's card ids and the terms the notes mention: what the status bar and scope picker need. */
export async function quizSummary(services: QuizServices, params: QuizSummaryParams, token?: Cancellation): Promise<QuizSummary> {
  const { glossary } = services.knowledge;
  const items = await quizItems(services, { ...params, scope: { kind: 'all' } }, token);
  const terms = glossary.entries
    .filter((_, entry) => services.index.noteCount(entry) > 0)
    .map((e) => ({ id: e.id, name: services.locale === 'ko' ? e.nameKo : e.shortName, category: e.category }));
  const categories = CATEGORIES.map((id) => ({ id, name: categoryLabel(services.locale, id) }));
  const cards = items.map(({ id, kind, termIds, group, source }) => ({ id, kind, termIds, group, note: source?.uri }));
  return { cards, terms, categories };
}

/** The notes a scope draws from: for a term or category, the notes that mention its terms. */
function notesFor({ knowledge, index }: QuizServices, scope: QuizScope): string[] {
  const termIds = scopeTermIds(knowledge.glossary, scope);
  if (termIds) {
    return [...new Set(termIds.flatMap((id) => index.notesMentioning(knowledge.glossary.indexOf(id))))];
  }
  if (scope.kind === 'note') {
    return [scope.uri];
  }
  const folder = scope.kind === 'folder' ? scope.uri.replace(/\/?$/, '/') : '';
  return [...index.uris()].filter((uri) => uri.startsWith(folder));
}

/** An open note as the editor has it, or a note read from disk and parsed between `turn`s. */
async function quizNote({ store, models, openFindings }: QuizServices, uri: string, turn: Turn): Promise<QuizNote | undefined> {
  const doc = store.editor(uri);
  if (doc) {
    const model = models.model(doc);
    return { uri, text: doc.getText(), model, findings: openFindings(doc, model) };
  }
  const text = await store.read(uri);
  return text === undefined ? undefined : { uri, text, model: await models.parsePausing(uri, text, turn) };
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
