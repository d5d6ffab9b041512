import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy, createNonce } from '../../client/src/webviewHtml';
import { parseFromWebview, UI_STRING_KEYS, type CardView, type UiStrings } from '../../client/src/quiz/webview/messages';
import { renderApp, type Actions, type DocumentLike } from '../../client/src/quiz/webview/render';
import * as view from '../../client/src/quiz/webview/viewState';
import { fakeDocument, FakeElement } from './fakeDom';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const HOSTILE = {
  prompt: '<img src=x onerror=alert(1)>',
  answer: '<script>alert(2)</script>',
  link: '[x](javascript:alert(3))',
};

const strings = {
  ...(Object.fromEntries(UI_STRING_KEYS.map((k) => [k, `[${k}]`])) as UiStrings),
  staleBadge: '[staleBadge] {0}',
  inNote: '[inNote] {0}',
  now: '[now] {0}',
};

function hostileCard(overrides: Partial<CardView> = {}): CardView {
  return {
    id: 'card-1',
    kind: 'card',
    prompt: HOSTILE.prompt,
    answer: HOSTILE.answer,
    explanation: HOSTILE.link,
    sourceUrl: 'javascript:alert(4)',
    stale: [{ noted: '<b onmouseover=alert(5)>old</b>', current: '<i>new</i>', message: '<u>changed</u>' }],
    source: { uri: 'file:///notes/ec2.md', line: 11, label: 'notes/ec2.md:12', heading: '<h1>EC2</h1>' },
    intervals: { 1: '1m', 2: '6m', 3: '10m', 4: '8d' },
    ...overrides,
  };
}

function render(state: view.ViewState, actions: Partial<Actions> = {}): FakeElement {
  const root = new FakeElement('div');
  const noop = () => {};
  const all: Actions = {
    reveal: noop,
    choose: noop,
    grade: noop,
    setAside: noop,
    next: noop,
    openSource: noop,
    openLink: noop,
    pickScope: noop,
    toggleStats: noop,
    reload: noop,
    ...actions,
  };
  renderApp(fakeDocument as unknown as DocumentLike, root as unknown as HTMLElement, state, all);
  return root;
}

const session = (queue: CardView[]): view.ViewState =>
  view.applyMessage(view.initialState, {
    type: 'session',
    strings,
    scope: { kind: 'all' },
    scopeLabel: '<i>workspace</i>',
    queue,
    stats: { dueToday: 0, reviewedToday: 0, trueRetention: null, dueReviews: 0, streakDays: 0, services: [], history: [] },
  });

describe('quiz webview', () => {
  describe('html', () => {
    const html = buildWebviewHtml({
      cspSource: CSP_SOURCE,
      scriptUri: `${CSP_SOURCE}/ext/dist/quizWebview.js`,
      styleUri: `${CSP_SOURCE}/ext/media/quiz.css`,
      nonce: 'abc123+/=',
      lang: 'ko',
      title: 'Quiz <x>',
    });

    it('has a strict content security policy', () => {
      const expected =
        `default-src 'none'; script-src 'nonce-abc123+/=' ${CSP_SOURCE}; style-src ${CSP_SOURCE}; ` +
        `img-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}`;
      assert.equal(contentSecurityPolicy(CSP_SOURCE, 'abc123+/='), expected);
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      assert.ok(meta);
      assert.equal(meta[1].replace(/&#39;/g, "'"), expected);
      assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    });

    it('loads only the bundled script, with the nonce, and the stylesheet; nothing inline', () => {
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, [`<script nonce="abc123+/=" src="${CSP_SOURCE}/ext/dist/quizWebview.js">`]);
      assert.match(html, new RegExp(`<link rel="stylesheet" href="${CSP_SOURCE.replace(/[+.]/g, '\\$&')}/ext/media/quiz.css">`));
      assert.doesNotMatch(html, /style=|<style|\son[a-z]+=|https?:\/\/(?!file\+)/);
      assert.match(html, /<html lang="ko">/);
      assert.match(html, /<title>Quiz &#60;x&#62;<\/title>/);
    });

    it('makes a fresh nonce for every render', () => {
      const nonces = new Set(Array.from({ length: 50 }, createNonce));
      assert.equal(nonces.size, 50);
      for (const nonce of nonces) {
        assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
      }
    });
  });

  describe('rendering hostile note text', () => {
    it('shows markup in a prompt as text and creates no element from it', () => {
      const root = render(session([hostileCard()]));
      const [prompt] = root.byClass('prompt');
      assert.equal(prompt.textContent, '<img src=x onerror=alert(1)>');
      assert.deepEqual(
        root.all().filter((e) => ['img', 'script', 'a', 'iframe'].includes(e.tagName)),
        [],
      );
      assert.equal(root.byClass('source')[0].textContent, 'notes/ec2.md:12 › <h1>EC2</h1>');
      assert.equal(root.byClass('scope')[0].textContent, '<i>workspace</i>');
    });

    it('shows how many outdated claims the card draws from before the answer, with their messages as the tooltip', () => {
      const card = hostileCard({
        stale: [
          { noted: '5분', current: '15분', message: 'Lambda: 15 minutes now' },
          { noted: 'Xen', current: 'Nitro', message: 'EC2: Nitro now' },
        ],
      });
      const [badge] = render(session([card])).byClass('stale-badge');
      assert.equal(badge.textContent, '[staleBadge] 2');
      assert.equal(badge.attributes.get('title'), 'Lambda: 15 minutes now\nEC2: Nitro now');
      assert.equal(render(session([hostileCard({ stale: undefined })])).byClass('stale-badge').length, 0);
    });

    it('keeps the revealed answer, explanation, warning and link inert', () => {
      const root = render(view.reveal(session([hostileCard()])));
      assert.equal(root.byClass('answer-text')[0].textContent, HOSTILE.answer);
      assert.equal(root.byClass('explanation')[0].textContent, HOSTILE.link);
      assert.deepEqual(
        ['stale-noted', 'stale-current', 'stale-message'].map((c) => root.byClass(c)[0].textContent),
        ['[inNote] <b onmouseover=alert(5)>old</b>', '[now] <i>new</i>', '<u>changed</u>'],
      );
      const elements = root.all();
      assert.deepEqual(
        elements.filter((e) => ['img', 'script', 'a', 'b', 'i', 'u'].includes(e.tagName)),
        [],
      );
      for (const e of elements) {
        for (const name of e.attributes.keys()) {
          assert.ok(!name.startsWith('on') && name !== 'href' && name !== 'src', `attribute ${name}`);
        }
      }
    });

    it('opens links and sources only through actions (messages to the extension)', () => {
      const opened: string[] = [];
      const root = render(view.reveal(session([hostileCard()])), {
        openLink: (url) => opened.push(`link ${url}`),
        openSource: (uri, line) => opened.push(`source ${uri} ${line}`),
      });
      root.byClass('link')[0].click();
      root.byClass('source')[0].click();
      assert.deepEqual(opened, ['link javascript:alert(4)', 'source file:///notes/ec2.md 11']);
    });

    it('offers to edit the card in its note, bury it or suspend it, and takes it out of the session', () => {
      const calls: string[] = [];
      const root = render(session([hostileCard(), hostileCard({ id: 'card-2' })]), {
        openSource: (uri, line) => calls.push(`edit ${uri} ${line}`),
        setAside: (how) => calls.push(how),
      });
      const [edit, bury, suspend] = root.byClass('card-actions')[0].children as FakeElement[];
      assert.deepEqual(
        [edit, bury, suspend].map((b) => b.textContent),
        ['[editInNote]', '[bury]', '[suspend]'],
      );
      edit.click();
      bury.click();
      suspend.click();
      assert.deepEqual(calls, ['edit file:///notes/ec2.md 11', 'bury', 'suspend']);
      assert.deepEqual(
        view.setAside(view.reveal(session([hostileCard(), hostileCard({ id: 'card-2' })]))).queue.map((c) => c.id),
        ['card-2'],
      );
    });

    it('renders choices as text and marks the right and the picked one after reveal', () => {
      const card = hostileCard({ choices: ['<img src=y onerror=alert(6)>', 'EBS', 'EFS'], answerIndex: 1 });
      const state = view.choose(session([card]), 2);
      const root = render(state);
      const choices = root.byClass('choice');
      assert.deepEqual(
        choices.map((c) => c.byClass('choice-text')[0].textContent),
        ['<img src=y onerror=alert(6)>', 'EBS', 'EFS'],
      );
      assert.deepEqual(
        choices.map((c) => c.className),
        ['choice', 'choice correct', 'choice incorrect'],
      );
      assert.deepEqual(
        root.all().filter((e) => e.tagName === 'img'),
        [],
      );
    });
  });

  describe('state', () => {
    const cards = [hostileCard({ id: 'a' }), hostileCard({ id: 'b' })];

    it('goes reveal → grade → next, and ignores grades before reveal or twice', () => {
      let state = session(cards);
      assert.equal(view.grade(state, 3), undefined);
      state = view.reveal(state);
      const graded = view.grade(state, 3)!;
      assert.equal(graded.graded, 3);
      assert.equal(view.grade(graded, 1), undefined);
      const next = view.next(graded);
      assert.deepEqual(
        next.queue.map((c) => c.id),
        ['b'],
      );
      assert.equal(next.revealed, false);
      assert.equal(next.reviewedInSession, 1);
    });

    it('puts a card graded Again back at the end of the queue', () => {
      let state = view.grade(view.reveal(session(cards)), 1)!;
      state = view.applyMessage(state, { type: 'graded', cardId: 'a', requeue: cards[0], stats: state.stats! });
      assert.deepEqual(
        view.next(state).queue.map((c) => c.id),
        ['b', 'a'],
      );
    });

    it('keeps the reveal when the same card comes back first after a restore', () => {
      const revealed = view.reveal(session(cards));
      const restored = view.restoreState(JSON.parse(JSON.stringify(revealed)));
      const resumeWith = (queue: typeof cards) =>
        view.applyMessage(restored, { type: 'session', strings, scope: { kind: 'all' }, scopeLabel: '', queue, stats: revealed.stats! });
      assert.equal(resumeWith(cards).revealed, true);
      assert.equal(resumeWith([cards[1]]).revealed, false);
      assert.equal(view.restoreState('garbage'), view.initialState);
    });

    it('fills in placeholders', () => {
      assert.equal(view.format('{0} of {1}, {2}', 3, 'x'), '3 of x, {2}');
    });
  });

  describe('messages from the webview', () => {
    it('accepts well-formed messages and rejects the rest', () => {
      assert.deepEqual(parseFromWebview({ type: 'grade', cardId: 'x', grade: 4 }), { type: 'grade', cardId: 'x', grade: 4 });
      assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
      assert.deepEqual(parseFromWebview({ type: 'openSource', uri: 'file:///a.md', line: 3, extra: 1 }), {
        type: 'openSource',
        uri: 'file:///a.md',
        line: 3,
      });
      assert.deepEqual(parseFromWebview({ type: 'setAside', cardId: 'x', how: 'bury' }), { type: 'setAside', cardId: 'x', how: 'bury' });
      assert.equal(parseFromWebview({ type: 'setAside', cardId: 'x', how: 'delete' }), undefined);
      assert.equal(parseFromWebview({ type: 'grade', cardId: 'x', grade: 5 }), undefined);
      assert.equal(parseFromWebview({ type: 'openSource', uri: 'file:///a.md', line: -1 }), undefined);
      assert.equal(parseFromWebview({ type: 'runCommand', command: 'x' }), undefined);
      assert.equal(parseFromWebview('grade'), undefined);
    });
  });
});
