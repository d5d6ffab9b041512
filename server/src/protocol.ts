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
  /** Glossary ids the question is about (scope filters, per-service stats). */
  termIds: string[];
  /** Set when the outdated-facts checker flags the card's text. */
  staleWarning?: string;
}

/** Where the user's notes define a glossary term (or, failing that, mention it). */
export const TermLocationsRequest = 'cloudNotes/termLocations';
export interface TermLocationsParams {
  termId: string;
  /** Every mention, not only the definitions (the services view's references). */
  mentions?: boolean;
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

/** The services view and the knowledge map: the glossary terms the notes mention, by category, and their relations. */
export const ServicesOverviewRequest = 'cloudNotes/servicesOverview';
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
