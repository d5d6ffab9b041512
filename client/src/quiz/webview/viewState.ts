// The webview's state and its transitions, as pure functions. The state is what the webview
// saves with setState, so it survives the panel being hidden and VS Code restarting.
import type { QuizScope } from '../../../../server/src/protocol';
import type { GradeValue } from '../scheduler';
import type { CardView, StatsView, ToWebview, UiStrings } from './messages';

export interface ViewState {
  strings: UiStrings | null;
  scope: QuizScope | null;
  scopeLabel: string;
  /** The current card is queue[0]. */
  queue: CardView[];
  revealed: boolean;
  /** Multiple choice: the option picked before revealing. */
  chosen: number | null;
  graded: GradeValue | null;
  reviewedInSession: number;
  view: 'quiz' | 'stats';
  stats: StatsView | null;
  error: string | null;
}

export const initialState: ViewState = {
  strings: null,
  scope: null,
  scopeLabel: '',
  queue: [],
  revealed: false,
  chosen: null,
  graded: null,
  reviewedInSession: 0,
  view: 'quiz',
  stats: null,
  error: null,
};

export function applyMessage(state: ViewState, message: ToWebview): ViewState {
  switch (message.type) {
    case 'session': {
      // Keep the reveal/grade of the current card when the same card is still first (panel restored).
      const sameCard = state.queue[0] !== undefined && message.queue[0]?.id === state.queue[0].id;
      return {
        ...state,
        strings: message.strings,
        scope: message.scope,
        scopeLabel: message.scopeLabel,
        queue: message.queue,
        stats: message.stats,
        error: null,
        ...(sameCard ? {} : { revealed: false, chosen: null, graded: null }),
      };
    }
    case 'graded': {
      const queue = state.queue.slice();
      if (message.requeue && !queue.slice(1).some((c) => c.id === message.cardId)) {
        queue.push(message.requeue);
      }
      return { ...state, queue, stats: message.stats };
    }
    case 'error':
      return { ...state, error: message.message };
  }
}

export function reveal(state: ViewState): ViewState {
  return state.queue.length === 0 || state.revealed ? state : { ...state, revealed: true };
}

export function choose(state: ViewState, index: number): ViewState {
  const choices = state.queue[0]?.choices;
  if (state.revealed || !choices || index < 0 || index >= choices.length) {
    return state;
  }
  return { ...state, chosen: index, revealed: true };
}

/** Undefined when grading is not possible now (answer hidden, or already graded). */
export function grade(state: ViewState, value: GradeValue): ViewState | undefined {
  if (!state.revealed || state.graded !== null || state.queue.length === 0) {
    return undefined;
  }
  return { ...state, graded: value, reviewedInSession: state.reviewedInSession + 1 };
}

export function next(state: ViewState): ViewState {
  if (state.graded === null) {
    return state;
  }
  return { ...state, queue: state.queue.slice(1), revealed: false, chosen: null, graded: null };
}

/** The current card leaves the session (buried or suspended). */
export function setAside(state: ViewState): ViewState {
  return state.queue.length === 0 ? state : { ...state, queue: state.queue.slice(1), revealed: false, chosen: null, graded: null };
}

export function toggleStats(state: ViewState): ViewState {
  return { ...state, view: state.view === 'quiz' ? 'stats' : 'quiz' };
}

/** A saved state from an older or damaged session falls back to the initial state. */
export function restoreState(saved: unknown): ViewState {
  if (typeof saved !== 'object' || saved === null) {
    return initialState;
  }
  const s = saved as Partial<ViewState>;
  if (!Array.isArray(s.queue) || (s.view !== 'quiz' && s.view !== 'stats')) {
    return initialState;
  }
  return { ...initialState, ...s };
}

export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (i in args ? String(args[Number(i)]) : whole));
}
