// The quiz webview script (bundled to dist/quizWebview.js). Renders from typed messages and
// keeps its state with setState so it survives hiding the panel and restarting VS Code.
import type { GradeValue } from '../scheduler';
import type { FromWebview, ToWebview } from './messages';
import { renderApp, type Actions } from './render';
import * as view from './viewState';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: view.ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let state = view.restoreState(vscode.getState());

function update(next: view.ViewState): void {
  state = next;
  vscode.setState(state);
  renderApp(document, root, state, actions);
}

const actions: Actions = {
  reveal: () => update(view.reveal(state)),
  choose: (index) => update(view.choose(state, index)),
  grade: (value: GradeValue) => {
    const graded = view.grade(state, value);
    if (!graded) {
      return;
    }
    vscode.postMessage({ type: 'grade', cardId: state.queue[0].id, grade: value });
    update(graded);
  },
  setAside: (how) => {
    const card = state.queue[0];
    if (card) {
      vscode.postMessage({ type: 'setAside', cardId: card.id, how });
      update(view.setAside(state));
    }
  },
  next: () => update(view.next(state)),
  openSource: (uri, line) => vscode.postMessage({ type: 'openSource', uri, line }),
  openLink: (url) => vscode.postMessage({ type: 'openLink', url }),
  pickScope: () => vscode.postMessage({ type: 'pickScope' }),
  toggleStats: () => update(view.toggleStats(state)),
  reload: () => vscode.postMessage({ type: 'reload' }),
};

window.addEventListener('message', (event: MessageEvent<ToWebview>) => update(view.applyMessage(state, event.data)));

window.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const target = event.target as HTMLElement | null;
  // A focused button handles Space and Enter itself.
  if ((event.key === ' ' || event.key === 'Enter') && target?.closest('button, a, input, select, textarea')) {
    return;
  }
  const card = state.queue[0];
  const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
  if (event.key === ' ') {
    actions.reveal();
  } else if (event.key === 'Enter') {
    actions.next();
  } else if ((event.key === 'b' || event.key === 'B') && state.view === 'quiz') {
    actions.setAside('bury');
  } else if (event.key === '!' && state.view === 'quiz') {
    actions.setAside('suspend');
  } else if ((event.key === 'e' || event.key === 'E') && card?.source) {
    actions.openSource(card.source.uri, card.source.line);
  } else if (event.key === 's' || event.key === 'S') {
    actions.toggleStats();
  } else if (event.key === 'Escape' && state.view === 'stats') {
    actions.toggleStats();
  } else if (digit && state.view === 'quiz' && card) {
    if (!state.revealed && card.choices) {
      actions.choose(digit - 1);
    } else if (digit <= 4) {
      actions.grade(digit as GradeValue);
    } else {
      return;
    }
  } else {
    return;
  }
  event.preventDefault();
});

renderApp(document, root, state, actions);
vscode.postMessage({ type: 'ready' });
