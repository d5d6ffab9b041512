// The quiz panel's editor side: commands, status bar, webview panel and its messages, settings.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  QuizItemsRequest,
  QuizSummaryRequest,
  TermNamesRequest,
  type QuizItem,
  type QuizScope,
  type QuizSummary,
  type QuizSummaryParams,
  type TermNames,
} from '../../../server/src/protocol';
import { allowedLink, allowedSource } from './allowlist';
import { exportToAnki } from './ankiExport';
import { ReviewStore, type StoreProblem } from './reviewStore';
import { isDueNow, recognitionGrade, Scheduler, systemClock, type GradeValue, type SchedulerSettings } from './scheduler';
import { buildDueQueue } from './queue';
import { readQueueSettings } from './queueSettings';
import { CardFlags } from './cardFlags';
import { activeMarkdownUri, pickScope, scopeLabel } from './scopePicker';
import { computeStats, reviewHistory, todaysCards } from './stats';
import { formatInterval, quizUiStrings } from './uiStrings';
import { setWebviewShell } from '../webviewShell';
import { isScope, parseFromWebview, type CardView, type StatsView, type ToWebview } from './webview/messages';

const VIEW_TYPE = 'cloudNotes.quiz';
const STATUS_REFRESH_MS = 10 * 60 * 1000;

/** What other views ask of the quiz. */
export interface QuizApi {
  open(scope: QuizScope): Promise<void>;
  /** Studied cards due by the end of today, per glossary term id. */
  dueByTerm(): Promise<ReadonlyMap<string, number>>;
}

export function registerQuiz(context: vscode.ExtensionContext, client: LanguageClient): QuizApi {
  const quiz = new QuizService(context, client);
  context.subscriptions.push(
    quiz,
    vscode.commands.registerCommand('cloudNotes.openQuiz', async () => {
      const scope = await pickScope(() => quiz.fetchSummary(), quiz.nameOf);
      if (scope) {
        await quiz.open(scope);
      }
    }),
    vscode.commands.registerCommand('cloudNotes.openQuizForNote', async (uri?: vscode.Uri) => {
      const note = uri instanceof vscode.Uri ? uri : activeMarkdownUri();
      await quiz.open(note ? { kind: 'note', uri: note.toString() } : { kind: 'all' });
    }),
    vscode.commands.registerCommand('cloudNotes.openQuizForWorkspace', () => quiz.open({ kind: 'all' })),
    vscode.commands.registerCommand('cloudNotes.exportQuizToAnki', async () => {
      const scope = quiz.shownScope() ?? (await pickScope(() => quiz.fetchSummary(), quiz.nameOf));
      if (scope) {
        await exportToAnki(client, { scope, ...cardSeparators() }, scope.kind === 'all' ? undefined : scopeLabel(scope, quiz.nameOf));
      }
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const saved = (state as { scope?: unknown } | undefined)?.scope;
        quiz.attach(panel, isScope(saved) ? saved : { kind: 'all' });
      },
    }),
  );
  void quiz.refreshStatusBar();
  return quiz;
}

class QuizService implements vscode.Disposable, QuizApi {
  private panel: vscode.WebviewPanel | undefined;
  private scope: QuizScope = { kind: 'all' };
  /** The cards shown in the panel, by id (links and source jumps are checked against them). */
  private sessionItems = new Map<string, QuizItem>();
  /** The workspace quiz's cards and terms, without the questions (see QuizSummaryRequest). */
  private summary: QuizSummary = { cards: [], terms: [], categories: [] };
  private termNames: TermNames = {};
  private scheduler: Scheduler;
  private store: ReviewStore | undefined;
  private flags: CardFlags | undefined;
  private readonly statusBar = vscode.window.createStatusBarItem('cloudNotes.quiz', vscode.StatusBarAlignment.Right, 90);
  private readonly disposables: vscode.Disposable[] = [this.statusBar];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.scheduler = new Scheduler(readSettings());
    this.statusBar.name = vscode.l10n.t('Cloud Notes Quiz');
    this.statusBar.command = 'cloudNotes.openQuiz';
    const timer = setInterval(() => void this.refreshStatusBar(), STATUS_REFRESH_MS);
    this.disposables.push(
      { dispose: () => clearInterval(timer) },
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('cloudNotes.quiz')) {
          return;
        }
        this.scheduler = new Scheduler(readSettings());
        this.store = undefined;
        void this.refreshStatusBar();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.store = undefined;
        this.flags = undefined;
        void this.refreshStatusBar();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.languageId === 'markdown') {
          void this.refreshStatusBar();
        }
      }),
    );
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  /** The scope of the open panel, if one is open. */
  shownScope(): QuizScope | undefined {
    return this.panel ? this.scope : undefined;
  }

  /** A glossary term's or category's name in the UI language. */
  readonly nameOf = (id: string): string => this.termNames[id] ?? id;

  async fetchSummary(): Promise<QuizSummary> {
    this.summary = await this.client.sendRequest(QuizSummaryRequest, cardSeparators());
    this.termNames = Object.fromEntries([...this.summary.terms, ...this.summary.categories].map((t) => [t.id, t.name]));
    return this.summary;
  }

  private async fetchItems(scope: QuizScope): Promise<QuizItem[]> {
    const items = await this.client.sendRequest(QuizItemsRequest, { scope, ...cardSeparators() });
    const unnamed = [...new Set(items.flatMap((i) => i.termIds))].filter((id) => !(id in this.termNames));
    if (unnamed.length) {
      Object.assign(this.termNames, await this.client.sendRequest(TermNamesRequest, { termIds: unnamed }));
    }
    return items;
  }

  async open(scope: QuizScope): Promise<void> {
    this.scope = scope;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      await this.loadSession();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Quiz'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {},
    );
    this.attach(panel, scope);
  }

  /** Sets up a new or restored panel; the session loads when its script says it is ready. */
  attach(panel: vscode.WebviewPanel, scope: QuizScope): void {
    this.panel?.dispose();
    this.panel = panel;
    this.scope = scope;
    setWebviewShell(panel.webview, this.context.extensionUri, {
      script: 'quizWebview.js',
      style: 'quiz.css',
      title: vscode.l10n.t('Quiz'),
    });
    panel.webview.onDidReceiveMessage((raw) =>
      this.onMessage(raw).catch((err) => this.post({ type: 'error', message: vscode.l10n.t('Cloud Notes quiz: {0}', errorText(err)) })),
    );
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
      }
    });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    switch (message?.type) {
      case undefined:
        return;
      case 'ready':
      case 'reload':
        return this.loadSession();
      case 'grade':
        return this.grade(message.cardId, message.grade);
      case 'setAside':
        if (this.sessionItems.has(message.cardId)) {
          await this.getFlags().setAside(message.cardId, message.how, systemClock());
          this.updateStatusBar(systemClock());
        }
        return;
      case 'openSource': {
        const note = allowedSource(this.sessionItems.values(), message.uri);
        if (note) {
          await revealLine(vscode.Uri.parse(note), message.line, this.panel?.viewColumn);
        }
        return;
      }
      case 'openLink': {
        const link = allowedLink(this.sessionItems.values(), message.url);
        if (link) {
          await vscode.env.openExternal(vscode.Uri.parse(link.href, true));
        }
        return;
      }
      case 'pickScope': {
        const scope = await pickScope(() => this.fetchSummary(), this.nameOf);
        if (scope) {
          await this.open(scope);
        }
        return;
      }
    }
  }

  private async loadSession(): Promise<void> {
    const store = this.getStore();
    const [items] = await Promise.all([this.fetchItems(this.scope), this.fetchSummary()]);
    this.report(await store.load());
    await this.getFlags().load();
    this.sessionItems = byId(items);
    const now = systemClock();
    const queue = this.dueQueue(this.sessionItems.keys(), now);
    this.post({
      type: 'session',
      strings: quizUiStrings(),
      scope: this.scope,
      scopeLabel: scopeLabel(this.scope, this.nameOf),
      queue: queue.map((id) => this.cardView(this.sessionItems.get(id)!, now)),
      stats: this.stats(now),
    });
    this.updateStatusBar(now);
  }

  private async grade(cardId: string, grade: GradeValue): Promise<void> {
    const item = this.sessionItems.get(cardId);
    if (!item) {
      return;
    }
    const { card, problems } = await this.getStore().record(cardId, recognitionGrade(item.choices?.length, grade));
    this.report(problems);
    const now = systemClock();
    const requeue = isDueNow(card, now) ? this.cardView(item, now) : undefined;
    this.post({ type: 'graded', cardId, requeue, stats: this.stats(now) });
    this.updateStatusBar(now);
  }

  async refreshStatusBar(): Promise<void> {
    try {
      await this.fetchSummary();
      this.report(await this.getStore().load());
      await this.getFlags().load();
      this.updateStatusBar(systemClock());
    } catch {
      this.statusBar.hide(); // server not ready or no workspace yet; the next refresh tries again
    }
  }

  async dueByTerm(): Promise<ReadonlyMap<string, number>> {
    if (!this.summary.cards.length) {
      await this.fetchSummary();
    }
    this.report(await this.getStore().load());
    return new Map(this.stats(systemClock()).services.map((s) => [s.termId, s.dueToday]));
  }

  /** Cards due now among `ids`: reviews first, then today's allowance of new cards. */
  private dueQueue(ids: Iterable<string>, now: Date): string[] {
    const store = this.getStore();
    const today = todaysCards(store.log, now);
    const summaries = new Map(this.summary.cards.map((c) => [c.id, c]));
    const cards = [...ids].flatMap((id) => {
      const item = this.sessionItems.get(id);
      const card = item ? { id, kind: item.kind, note: item.source?.uri, group: item.group } : summaries.get(id);
      return card && !this.getFlags().isHidden(id, now) ? [card] : [];
    });
    return buildDueQueue({
      cards,
      states: store.cards,
      reviewedToday: today.reviewed,
      introducedToday: today.introduced,
      newCardsPerDay: this.scheduler.settings.newCardsPerDay,
      ...readQueueSettings(),
      now,
    });
  }

  private updateStatusBar(now: Date): void {
    const due = this.dueQueue(
      this.summary.cards.map((c) => c.id),
      now,
    ).length;
    if (this.summary.cards.length === 0) {
      this.statusBar.hide();
      return;
    }
    this.statusBar.text = `$(mortar-board) ${due}`;
    this.statusBar.tooltip = vscode.l10n.t('{0} quiz card(s) due — open the quiz', due);
    this.statusBar.show();
  }

  private stats(now: Date): StatsView {
    const store = this.getStore();
    const items = new Map(this.summary.cards.map((c) => [c.id, c.termIds]));
    const stats = computeStats({ log: store.log, cards: store.cards, items, now });
    return {
      ...stats,
      services: stats.services.map((s) => ({ ...s, label: this.nameOf(s.termId) })),
      history: reviewHistory(store.log, now),
    };
  }

  private cardView(item: QuizItem, now: Date): CardView {
    const preview = this.scheduler.preview(this.getStore().cards.get(item.id), now);
    const interval = (g: GradeValue) => formatInterval(preview[recognitionGrade(item.choices?.length, g)].getTime() - now.getTime());
    const source = item.source && {
      uri: item.source.uri,
      line: item.source.line,
      label: `${vscode.workspace.asRelativePath(vscode.Uri.parse(item.source.uri))}:${item.source.line + 1}`,
      heading: item.source.heading,
    };
    return {
      id: item.id,
      kind: item.kind,
      prompt: item.prompt,
      answer: item.answer,
      choices: item.choices,
      answerIndex: item.answerIndex,
      explanation: item.explanation,
      sourceUrl: item.sourceUrl,
      stale: item.stale,
      source,
      intervals: { 1: interval(1), 2: interval(2), 3: interval(3), 4: interval(4) },
    };
  }

  private getFlags(): CardFlags {
    this.flags ??= new CardFlags(this.storeRoot());
    return this.flags;
  }

  private storeRoot(): string {
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? this.context.globalStorageUri.fsPath;
  }

  private getStore(): ReviewStore {
    if (!this.store) {
      const root = this.storeRoot();
      this.store = new ReviewStore({ root, windowId: vscode.env.sessionId, scheduler: this.scheduler, clock: systemClock });
    }
    return this.store;
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private report(problems: StoreProblem[]): void {
    for (const problem of problems) {
      if (problem.kind === 'tornLine') {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'Cloud Notes: line {0} of the review log {1} was cut short by an interrupted write and is skipped; the other reviews are kept.',
            problem.line,
            problem.file,
          ),
        );
        continue;
      }
      const message =
        problem.kind === 'corruptCards'
          ? vscode.l10n.t(
              'Cloud Notes: the quiz card file {0} could not be read ({1}). It was moved to {2} and rebuilt from the review log; no reviews were lost.',
              problem.file,
              problem.detail,
              problem.backup,
            )
          : vscode.l10n.t(
              'Cloud Notes: the review log {0} had {1} unreadable line(s) ({2}). The original was saved as {3}; {4} review(s) were kept.',
              problem.file,
              problem.droppedLines,
              problem.detail,
              problem.backup,
              problem.keptEntries,
            );
      const open = vscode.l10n.t('Open Backup');
      void vscode.window.showWarningMessage(message, open).then((choice) => {
        if (choice === open) {
          void vscode.window.showTextDocument(vscode.Uri.file(problem.backup));
        }
      });
    }
  }
}

function readSettings(): SchedulerSettings {
  const config = vscode.workspace.getConfiguration('cloudNotes.quiz');
  return {
    desiredRetention: config.get<number>('desiredRetention', 0.9),
    newCardsPerDay: config.get<number>('newCardsPerDay', 20),
  };
}

/** The server reads cards with the separators the user chose. */
function cardSeparators(): QuizSummaryParams {
  const config = vscode.workspace.getConfiguration('cloudNotes.quiz');
  return { cardSeparator: config.get<string>('cardSeparator'), reversedCardSeparator: config.get<string>('reversedCardSeparator') };
}

/** Opens the note beside the panel, with the cursor on the question's line. */
async function revealLine(uri: vscode.Uri, line: number, panelColumn: vscode.ViewColumn | undefined): Promise<void> {
  const position = new vscode.Position(line, 0);
  const viewColumn = panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn, selection: new vscode.Range(position, position), preview: false });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function byId(items: readonly QuizItem[]): Map<string, QuizItem> {
  return new Map(items.map((item) => [item.id, item]));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
