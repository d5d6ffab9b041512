// Runs the bundled webview script in a sandbox with a stub VS Code API, window and document.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { UI_STRING_KEYS, type CardView, type FromWebview, type ToWebview, type UiStrings } from '../../client/src/quiz/webview/messages';
import { fakeDocument, FakeElement } from './fakeDom';

const script = buildSync({
  entryPoints: [path.join(__dirname, '..', '..', 'client', 'src', 'quiz', 'webview', 'main.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
}).outputFiles[0].text;

const strings = Object.fromEntries(UI_STRING_KEYS.map((k) => [k, k])) as UiStrings;
const card = (id: string, extra: Partial<CardView> = {}): CardView => ({
  id,
  kind: 'card',
  prompt: `prompt ${id}`,
  answer: `answer ${id}`,
  intervals: { 1: '1m', 2: '6m', 3: '10m', 4: '8d' },
  ...extra,
});

function startWebview(savedState?: unknown) {
  const root = new FakeElement('div');
  const posted: FromWebview[] = [];
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  let state: unknown = savedState;
  const sandbox = {
    acquireVsCodeApi: () => ({
      postMessage: (m: FromWebview) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => state,
      setState: (s: unknown) => (state = s),
    }),
    document: { ...fakeDocument, getElementById: (id: string) => (id === 'app' ? root : null) },
    window: { addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] ??= []).push(fn) },
  };
  runInNewContext(script, sandbox);
  const body = { closest: () => null };
  return {
    root,
    posted,
    state: () => JSON.parse(JSON.stringify(state)),
    send: (data: ToWebview) => listeners.message.forEach((fn) => fn({ data })),
    key: (key: string) => listeners.keydown.forEach((fn) => fn({ key, target: body, preventDefault: () => {} })),
  };
}

describe('quiz webview script', () => {
  const stats = { dueToday: 0, reviewedToday: 0, trueRetention: null, dueReviews: 0, streakDays: 0, services: [], history: [] };

  it('says it is ready, then works through the queue with Space, 1–4 and Enter', () => {
    const w = startWebview();
    assert.deepEqual(w.posted, [{ type: 'ready' }]);
    w.send({ type: 'session', strings, scope: { kind: 'all' }, scopeLabel: 'All', queue: [card('a'), card('b')], stats });
    assert.equal(w.root.byClass('prompt')[0].textContent, 'prompt a');
    w.key('3'); // before reveal: nothing
    assert.equal(w.posted.length, 1);
    w.key(' ');
    assert.equal(w.root.byClass('answer-text')[0].textContent, 'answer a');
    w.key('2');
    assert.deepEqual(w.posted[1], { type: 'grade', cardId: 'a', grade: 2 });
    w.key('Enter');
    assert.equal(w.root.byClass('prompt')[0].textContent, 'prompt b');
    assert.equal(w.state().queue.length, 1);
  });

  it('picks a multiple-choice option with a digit before reveal', () => {
    const w = startWebview();
    w.send({
      type: 'session',
      strings,
      scope: { kind: 'all' },
      scopeLabel: 'All',
      queue: [card('a', { choices: ['x', 'y', 'z'], answerIndex: 0 })],
      stats,
    });
    w.key('3');
    assert.deepEqual(
      w.root.byClass('choice').map((c) => c.className),
      ['choice correct', 'choice', 'choice incorrect'],
    );
    assert.equal(w.posted.length, 1, 'choosing is not grading');
  });

  it('renders the saved state at once after being hidden and shown, then asks for a fresh session', () => {
    const first = startWebview();
    first.send({ type: 'session', strings, scope: { kind: 'term', termId: 'ec2' }, scopeLabel: 'ec2', queue: [card('a')], stats });
    first.key(' ');
    const again = startWebview(first.state());
    assert.equal(again.root.byClass('answer-text')[0].textContent, 'answer a');
    assert.equal(again.state().scope.termId, 'ec2', 'the scope stays in the saved state for the serializer');
    assert.deepEqual(again.posted, [{ type: 'ready' }]);
  });
});
