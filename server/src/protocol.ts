// Custom requests shared by the server, the client and the CLI, each declared once with its
// parameter and result types. Plain data only.
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Location } from 'vscode-languageserver-types';

/** Client commands the server's hovers and code actions invoke. */
export const ShowTermCommand = 'cloudNotes.showTerm';
export const DisableRuleCommand = 'cloudNotes.disableRule';

export interface Status {
  files: number;
  terms: number;
  occurrences: number;
  /** True from `initialize` until the first index of the workspace is complete. */
  indexing: boolean;
}
export const StatusRequest = new RequestType0<Status, void>('cloudNotes/status');

export type QuizScope =
  | { kind: 'all' }
  | { kind: 'note'; uri: string }
  | { kind: 'folder'; uri: string }
  | { kind: 'term'; termId: string }
  | { kind: 'category'; category: string };

export interface QuizItemsParams {
  scope: QuizScope;
  /** `cloudNotes.quiz.cardSeparator`: `Q::A` cards (default `::`). */
  cardSeparator?: string;
  /** `cloudNotes.quiz.reversedCardSeparator`: `Q:::A` cards asked both ways (default `:::`). */
  reversedCardSeparator?: string;
}

export type QuizItemKind =
  | 'card' // explicit Q::A card written in a note
  | 'cloze' // ==term== deletion in a note
  | 'definition' // generated from an `X : Y` definition item
  | 'comparison' // generated from a comparison table
  | 'heading' // generated from terms under a heading
  | 'glossary' // from the built-in glossary
  | 'fact'; // true/false from a dated fact

/** One question. All strings are plain text: the webview escapes them. */
export interface QuizItem {
  /** Stable id: explicit cards keyed so small edits keep history; generated ones by generator + source anchor. */
  id: string;
  kind: QuizItemKind;
  prompt: string;
  answer: string;
  /** Multiple choice: options including the answer, answer at `answerIndex`. */
  choices?: string[];
  answerIndex?: number;
  /** Shown after the answer is revealed (e.g. the current fact and its source). */
  explanation?: string;
  sourceUrl?: string;
  /** Where the question came from in the user's notes. */
  source?: { uri: string; line: number; heading?: string };
  /** Cards with the same group (one fact, one glossary entry, one section or table) are siblings: one a day. */
  group?: string;
  /** Glossary ids the question is about (scope filters, per-service stats). */
  termIds: string[];
  /** What the outdated-facts checker finds on the lines the card is drawn from, one entry per finding. */
  stale?: StaleFinding[];
}

/** An outdated claim in a card's source: the card asks for the current fact instead. */
export interface StaleFinding {
  /** The claim as the note has it. */
  noted: string;
  /** What is true now. */
  current: string;
  /** The checker's full message (what changed, since when, the AWS page). */
  message: string;
}

export const QuizItemsRequest = new RequestType<QuizItemsParams, QuizItem[], void>('cloudNotes/quizItems');

export type QuizCardSummary = Pick<QuizItem, 'id' | 'kind' | 'termIds' | 'group'> & { note?: string };

/** What the status bar and the scope picker need, without the questions' text. */
export interface QuizSummary {
  /** Every card of the workspace quiz, with what the queue needs to order it. */
  cards: QuizCardSummary[];
  /** The glossary terms the notes mention, with their names in the UI language. */
  terms: { id: string; name: string; category: string }[];
  /** Every glossary category, with its name in the UI language. */
  categories: { id: string; name: string }[];
}
export type QuizSummaryParams = Omit<QuizItemsParams, 'scope'>;
export const QuizSummaryRequest = new RequestType<QuizSummaryParams, QuizSummary, void>('cloudNotes/quizSummary');

/** A scope's quiz cards in Anki's text import format (server/src/quiz/ankiExport.ts). */
export interface AnkiExportParams extends QuizItemsParams {
  /** A deck below the extension's own (`Cloud Study Notes::<subdeck>`), e.g. the scope's name. */
  subdeck?: string;
  /** Workspace folder URIs: a card's source is labelled by its path below them. */
  roots: string[];
}
export interface AnkiExport {
  tsv: string;
  cards: number;
}
export const AnkiExportRequest = new RequestType<AnkiExportParams, AnkiExport, void>('cloudNotes/ankiExport');

export interface TermLocationsParams {
  termId: string;
  /** Every mention, not only the definitions (the services view's references). */
  mentions?: boolean;
}
export interface TermLocations {
  /** The term's name in the UI language. */
  name: string;
  locations: Location[];
}
/** Where the user's notes define a glossary term (or, failing that, mention it). */
export const TermLocationsRequest = new RequestType<TermLocationsParams, TermLocations, void>('cloudNotes/termLocations');

export interface TermNamesParams {
  termIds: string[];
}
/** termId → name; unknown ids are left out. */
export type TermNames = Record<string, string>;
/** Display names (UI language) of glossary terms, for labels such as the quiz's per-service stats. */
export const TermNamesRequest = new RequestType<TermNamesParams, TermNames, void>('cloudNotes/termNames');

/** The services view and the knowledge map: the glossary terms the notes mention, by category, and their relations. */
export interface ServicesOverviewParams {
  /** Count outdated claims too: that checks every note (once per note version), so a view asks for it second. */
  staleClaims?: boolean;
}
export interface ServiceSummary {
  termId: string;
  /** In the UI language. */
  name: string;
  category: string;
  mentions: number;
  notes: number;
  /** Claims in the notes that a dated fact about it says are outdated; only when asked for. */
  staleClaims?: number;
  /** The folders (URIs ending in `/`) of the notes that mention it. */
  folders: string[];
}
export interface ServicesOverview {
  /** Categories in the UI language's order of labels; services by mentions, most first. */
  categories: { id: string; label: string; services: ServiceSummary[] }[];
  /** The glossary's typed relations between mentioned terms, as stated; one stated both ways is listed once. */
  relations: { source: string; target: string; type: string }[];
}
export const ServicesOverviewRequest = new RequestType<ServicesOverviewParams, ServicesOverview, void>('cloudNotes/servicesOverview');
