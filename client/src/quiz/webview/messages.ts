// Messages between the quiz panel (extension side) and its webview. Both sides use these types;
// the extension also validates what the webview sends, since the webview renders note text.
import type { QuizItem, QuizScope } from '../../../../server/src/protocol';
import type { GradeValue } from '../scheduler';
import type { DayStats } from '../stats';

/** A question as the webview shows it. */
export interface CardView extends Omit<QuizItem, 'source' | 'termIds'> {
  /** `label` is "folder/file.md:12", ready to show. `line` is 0-based. */
  source?: { uri: string; line: number; label: string; heading?: string };
  /** How long until the card is due again for each grade, e.g. "10m", "3d". */
  intervals: Record<GradeValue, string>;
}

export interface ServiceStatsView {
  termId: string;
  label: string;
  cards: number;
  dueToday: number;
  reviewedToday: number;
  trueRetention: number | null;
}

export interface StatsView {
  dueToday: number;
  reviewedToday: number;
  trueRetention: number | null;
  dueReviews: number;
  streakDays: number;
  services: ServiceStatsView[];
  /** The last days, oldest first: drawn as reviews per day and retention over time. */
  history: DayStats[];
}

export const UI_STRING_KEYS = [
  'title',
  'showAnswer',
  'editInNote',
  'bury',
  'suspend',
  'again',
  'hard',
  'good',
  'easy',
  'next',
  'answer',
  'openSourceUrl',
  'staleBadge',
  'inNote',
  'now',
  'from',
  'changeScope',
  'stats',
  'backToQuiz',
  'reload',
  'left',
  'done',
  'doneDetail',
  'empty',
  'keysBeforeReveal',
  'keysAfterReveal',
  'keysAfterGrade',
  'correct',
  'incorrect',
  'dueToday',
  'reviewedToday',
  'trueRetention',
  'trueRetentionDetail',
  'streak',
  'streakDays',
  'service',
  'cards',
  'noData',
  'reviewsPerDay',
  'reviewsOn',
  'retentionOverTime',
  'retentionOn',
] as const;

export type UiStringKey = (typeof UI_STRING_KEYS)[number];
/** Localized by the extension; `{0}` placeholders are filled in by the webview. */
export type UiStrings = Record<UiStringKey, string>;

export type ToWebview =
  | { type: 'session'; strings: UiStrings; scope: QuizScope; scopeLabel: string; queue: CardView[]; stats: StatsView }
  /** A grade was saved. `requeue` is set when the card is due again within this session. */
  | { type: 'graded'; cardId: string; requeue?: CardView; stats: StatsView }
  | { type: 'error'; message: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'grade'; cardId: string; grade: GradeValue }
  /** Bury the card until tomorrow, or suspend it. */
  | { type: 'setAside'; cardId: string; how: 'bury' | 'suspend' }
  | { type: 'openSource'; uri: string; line: number }
  | { type: 'openLink'; url: string }
  | { type: 'pickScope' }
  | { type: 'reload' };

/** The message if it is well-formed, otherwise undefined. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'grade':
      return typeof m.cardId === 'string' && (m.grade === 1 || m.grade === 2 || m.grade === 3 || m.grade === 4)
        ? { type: 'grade', cardId: m.cardId, grade: m.grade }
        : undefined;
    case 'setAside':
      return typeof m.cardId === 'string' && (m.how === 'bury' || m.how === 'suspend')
        ? { type: 'setAside', cardId: m.cardId, how: m.how }
        : undefined;
    case 'openSource':
      return typeof m.uri === 'string' && Number.isInteger(m.line) && (m.line as number) >= 0
        ? { type: 'openSource', uri: m.uri, line: m.line as number }
        : undefined;
    case 'openLink':
      return typeof m.url === 'string' ? { type: 'openLink', url: m.url } : undefined;
    case 'ready':
    case 'pickScope':
    case 'reload':
      return { type: m.type };
    default:
      return undefined;
  }
}

export function isScope(value: unknown): value is QuizScope {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const s = value as Record<string, unknown>;
  switch (s.kind) {
    case 'all':
      return true;
    case 'note':
    case 'folder':
      return typeof s.uri === 'string';
    case 'term':
      return typeof s.termId === 'string';
    case 'category':
      return typeof s.category === 'string';
    default:
      return false;
  }
}
