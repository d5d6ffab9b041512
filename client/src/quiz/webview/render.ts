// Builds the quiz panel's DOM from the view state. Note text is only ever set through
// textContent: markup in a note (<script>, <img onerror>, javascript: links) stays inert text.
import type { GradeValue } from '../scheduler';
import type { CardView, StatsView, UiStrings } from './messages';
import { format, type ViewState } from './viewState';
import { retentionChart, reviewsChart, type SvgDocument } from './charts';

export type DocumentLike = SvgDocument;

export interface Actions {
  reveal(): void;
  choose(index: number): void;
  grade(value: GradeValue): void;
  setAside(how: 'bury' | 'suspend'): void;
  next(): void;
  openSource(uri: string, line: number): void;
  openLink(url: string): void;
  pickScope(): void;
  toggleStats(): void;
  reload(): void;
}

const GRADE_KEYS: readonly { value: GradeValue; label: 'again' | 'hard' | 'good' | 'easy' }[] = [
  { value: 1, label: 'again' },
  { value: 2, label: 'hard' },
  { value: 3, label: 'good' },
  { value: 4, label: 'easy' },
];

export function renderApp(doc: DocumentLike, root: HTMLElement, state: ViewState, actions: Actions): void {
  const s = state.strings;
  if (!s) {
    // Before the first load arrives only an error can be shown; it comes already localized.
    root.replaceChildren(state.error ? withRole(el(doc, 'p', 'error', state.error), 'alert') : el(doc, 'p', 'status', '…'));
    return;
  }
  const parts: HTMLElement[] = [renderHeader(doc, s, state, actions)];
  if (state.error) {
    parts.push(withRole(el(doc, 'p', 'error', state.error), 'alert'));
  }
  if (state.view === 'stats') {
    parts.push(renderStats(doc, s, state.stats));
  } else if (state.queue.length === 0) {
    parts.push(renderDone(doc, s, state, actions));
  } else {
    parts.push(renderCard(doc, s, state, state.queue[0], actions));
  }
  root.replaceChildren(...parts);
}

function renderHeader(doc: DocumentLike, s: UiStrings, state: ViewState, actions: Actions): HTMLElement {
  const header = el(doc, 'header', 'bar');
  header.append(el(doc, 'h1', 'scope', state.scopeLabel || s.title));
  if (state.view === 'quiz' && state.queue.length > 0) {
    header.append(el(doc, 'span', 'progress', format(s.left, state.queue.length)));
  }
  header.append(
    button(doc, state.view === 'quiz' ? s.stats : s.backToQuiz, actions.toggleStats, 'S'),
    button(doc, s.changeScope, actions.pickScope),
  );
  return header;
}

function renderCard(doc: DocumentLike, s: UiStrings, state: ViewState, card: CardView, actions: Actions): HTMLElement {
  const main = el(doc, 'main', 'card');
  if (card.source) {
    const { uri, line, label, heading } = card.source;
    const link = button(doc, heading ? `${label} › ${heading}` : label, () => actions.openSource(uri, line));
    link.className = 'source';
    link.setAttribute('title', s.from);
    main.append(link);
  }
  if (card.stale?.length) {
    const badge = el(doc, 'p', 'stale-badge', format(s.staleBadge, card.stale.length));
    badge.setAttribute('title', card.stale.map((f) => f.message).join('\n'));
    main.append(withRole(badge, 'note'));
  }
  main.append(el(doc, 'p', 'prompt', card.prompt));
  main.append(renderCardActions(doc, s, card, actions));

  if (card.choices && card.choices.length > 0) {
    main.append(renderChoices(doc, s, state, card, actions));
  }

  if (!state.revealed) {
    main.append(button(doc, s.showAnswer, actions.reveal, 'Space', 'primary'));
    main.append(el(doc, 'p', 'keys', s.keysBeforeReveal));
    return main;
  }

  const answer = withRole(el(doc, 'section', 'answer'), 'region');
  answer.setAttribute('aria-live', 'polite');
  answer.setAttribute('aria-label', s.answer);
  answer.append(el(doc, 'p', 'answer-text', card.answer));
  if (card.explanation) {
    answer.append(el(doc, 'p', 'explanation', card.explanation));
  }
  for (const finding of card.stale ?? []) {
    const stale = withRole(el(doc, 'div', 'stale'), 'note');
    stale.append(
      el(doc, 'p', 'stale-noted', format(s.inNote, finding.noted)),
      el(doc, 'p', 'stale-current', format(s.now, finding.current)),
      el(doc, 'p', 'stale-message', finding.message),
    );
    answer.append(stale);
  }
  if (card.sourceUrl) {
    const url = card.sourceUrl;
    const link = button(doc, url, () => actions.openLink(url));
    link.className = 'link';
    link.setAttribute('title', s.openSourceUrl);
    answer.append(link);
  }
  main.append(answer);

  const grades = el(doc, 'div', 'grades');
  grades.setAttribute('role', 'group');
  for (const { value, label } of GRADE_KEYS) {
    const b = button(doc, '', () => actions.grade(value), String(value), `grade grade-${label}`);
    b.append(
      el(doc, 'span', 'grade-key', String(value)),
      el(doc, 'span', 'grade-label', s[label]),
      el(doc, 'span', 'grade-interval', card.intervals[value]),
    );
    if (state.graded !== null) {
      b.setAttribute('aria-pressed', String(state.graded === value));
      b.setAttribute('disabled', '');
    }
    grades.append(b);
  }
  main.append(grades);
  if (state.graded !== null) {
    main.append(button(doc, s.next, actions.next, 'Enter', 'primary'));
  }
  main.append(el(doc, 'p', 'keys', state.graded === null ? s.keysAfterReveal : s.keysAfterGrade));
  return main;
}

/** Edit the note the card comes from, bury the card until tomorrow, suspend it. */
function renderCardActions(doc: DocumentLike, s: UiStrings, card: CardView, actions: Actions): HTMLElement {
  const bar = el(doc, 'div', 'card-actions');
  if (card.source) {
    const { uri, line } = card.source;
    bar.append(button(doc, s.editInNote, () => actions.openSource(uri, line), 'E'));
  }
  bar.append(
    button(doc, s.bury, () => actions.setAside('bury'), 'B'),
    button(doc, s.suspend, () => actions.setAside('suspend'), '!'),
  );
  return bar;
}

function renderChoices(doc: DocumentLike, s: UiStrings, state: ViewState, card: CardView, actions: Actions): HTMLElement {
  const list = el(doc, 'ol', 'choices');
  card.choices!.forEach((text, index) => {
    const b = button(doc, '', () => actions.choose(index), String(index + 1), 'choice');
    b.append(el(doc, 'span', 'choice-key', String(index + 1)), el(doc, 'span', 'choice-text', text));
    if (state.revealed) {
      b.setAttribute('disabled', '');
      if (index === card.answerIndex) {
        b.className += ' correct';
        b.setAttribute('aria-label', `${text} (${s.correct})`);
      } else if (index === state.chosen) {
        b.className += ' incorrect';
        b.setAttribute('aria-label', `${text} (${s.incorrect})`);
      }
    }
    const item = el(doc, 'li');
    item.append(b);
    list.append(item);
  });
  return list;
}

function renderDone(doc: DocumentLike, s: UiStrings, state: ViewState, actions: Actions): HTMLElement {
  const main = el(doc, 'main', 'done');
  if (state.reviewedInSession > 0) {
    main.append(el(doc, 'h2', undefined, s.done), el(doc, 'p', undefined, format(s.doneDetail, state.reviewedInSession)));
  } else {
    main.append(el(doc, 'p', undefined, s.empty));
  }
  main.append(button(doc, s.reload, actions.reload, undefined, 'primary'), button(doc, s.stats, actions.toggleStats, 'S'));
  return main;
}

export function renderStats(doc: DocumentLike, s: UiStrings, stats: StatsView | null): HTMLElement {
  const main = el(doc, 'main', 'stats');
  if (!stats) {
    main.append(el(doc, 'p', undefined, s.noData));
    return main;
  }
  const summary = el(doc, 'dl', 'summary');
  const add = (term: string, value: string, detail?: string) => {
    const dt = el(doc, 'dt', undefined, term);
    if (detail) {
      dt.setAttribute('title', detail);
    }
    summary.append(dt, el(doc, 'dd', undefined, value));
  };
  add(s.dueToday, String(stats.dueToday));
  add(s.reviewedToday, String(stats.reviewedToday));
  add(s.trueRetention, percent(stats.trueRetention, s), format(s.trueRetentionDetail, stats.dueReviews));
  add(s.streak, format(s.streakDays, stats.streakDays));
  main.append(summary);

  if (stats.history.some((d) => d.reviews > 0)) {
    const charts = el(doc, 'section', 'charts');
    charts.append(reviewsChart(doc, s, stats.history), retentionChart(doc, s, stats.history));
    main.append(charts);
  }

  if (stats.services.length > 0) {
    const table = el(doc, 'table', 'services');
    const head = el(doc, 'tr');
    for (const h of [s.service, s.cards, s.dueToday, s.reviewedToday, s.trueRetention]) {
      head.append(el(doc, 'th', undefined, h));
    }
    table.append(head);
    for (const row of stats.services) {
      const tr = el(doc, 'tr');
      tr.append(
        el(doc, 'td', undefined, row.label),
        el(doc, 'td', 'num', String(row.cards)),
        el(doc, 'td', 'num', String(row.dueToday)),
        el(doc, 'td', 'num', String(row.reviewedToday)),
        el(doc, 'td', 'num', percent(row.trueRetention, s)),
      );
      table.append(tr);
    }
    main.append(table);
  }
  return main;
}

function percent(value: number | null, s: UiStrings): string {
  return value === null ? s.noData : `${Math.round(value * 100)}%`;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: DocumentLike, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function button(doc: DocumentLike, text: string, onClick: () => void, shortcut?: string, className?: string): HTMLButtonElement {
  const b = el(doc, 'button', className, text);
  b.setAttribute('type', 'button');
  if (shortcut) {
    b.setAttribute('aria-keyshortcuts', shortcut);
  }
  b.addEventListener('click', onClick);
  return b;
}

function withRole<T extends HTMLElement>(node: T, role: string): T {
  node.setAttribute('role', role);
  return node;
}
