// Custom requests shared by the server, the client and the CLI. Plain data only.

/** Client commands the server's hovers and code actions invoke. */
export const ShowTermCommand = 'cloudNotes.showTerm';
export const DisableRuleCommand = 'cloudNotes.disableRule';

export const StatusRequest = 'cloudNotes/status';
export interface Status {
  files: number;
  terms: number;
  occurrences: number;
  indexing: boolean;
}

export const QuizItemsRequest = 'cloudNotes/quizItems';

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

/** Where the user's notes define a glossary term (or, failing that, mention it). */
export const TermLocationsRequest = 'cloudNotes/termLocations';
export interface TermLocationsParams {
  termId: string;
}
export interface TermLocations {
  /** The term's name in the UI language. */
  name: string;
  /** LSP Locations. */
  locations: unknown[];
}

/** Display names (UI language) of glossary terms, for labels such as the quiz's per-service stats. */
export const TermNamesRequest = 'cloudNotes/termNames';
export interface TermNamesParams {
  termIds: string[];
}
/** termId → name; unknown ids are left out. */
export type TermNames = Record<string, string>;
