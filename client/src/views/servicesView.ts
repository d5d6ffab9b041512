// The Explorer view "AWS services in my notes": the services and concepts the notes mention, by
// category, with mentions, notes, outdated claims and due quiz cards. It asks the server only while
// it is visible; changes to notes while it is hidden mark it for a refresh when it is shown.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServicesOverviewRequest, StatusRequest, type ServicesOverview, type ServiceSummary } from '../../../server/src/protocol';
import type { QuizApi } from '../quiz/quizPanel';
import { showTermLocations } from '../termLocations';
import { onNotesChanged } from './notesChanged';

const SERVICES_VIEW = 'cloudNotes.services';
export const OPEN_KNOWLEDGE_MAP = 'cloudNotes.openKnowledgeMap';
/** While indexing, the counts grow: look again this soon. */
const INDEXING_RETRY_MS = 2000;

type Node = { kind: 'category'; id: string; label: string; services: ServiceSummary[] } | { kind: 'service'; service: ServiceSummary };

export function registerServicesView(context: vscode.ExtensionContext, client: LanguageClient, quiz: QuizApi): void {
  const tree = new ServicesTree(client, quiz);
  const view = vscode.window.createTreeView(SERVICES_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const termOf = (arg: unknown) =>
    (arg as Node | undefined)?.kind === 'service' ? (arg as { service: ServiceSummary }).service.termId : undefined;
  context.subscriptions.push(
    view,
    tree,
    vscode.commands.registerCommand('cloudNotes.services.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('cloudNotes.services.showReferences', (termId: string) =>
      showTermLocations(client, { termId, mentions: true }),
    ),
    vscode.commands.registerCommand('cloudNotes.services.quiz', (node: unknown) => {
      const termId = termOf(node);
      return termId && quiz.open({ kind: 'term', termId });
    }),
    vscode.commands.registerCommand('cloudNotes.services.showInMap', (node: unknown) =>
      vscode.commands.executeCommand(OPEN_KNOWLEDGE_MAP, termOf(node)),
    ),
    onNotesChanged(() => tree.refresh()),
  );
}

class ServicesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<Node> | undefined;
  /** The notes changed while the view was hidden. */
  private stale = false;
  private timer: NodeJS.Timeout | undefined;
  /** What the tree shows: the index's counts at once, then with outdated claims once the server has counted them. */
  private shown: { overview: ServicesOverview; due: ReadonlyMap<string, number> } | undefined;
  /** Counts of outdated claims that arrive after a refresh belong to older notes. */
  private generation = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly quiz: QuizApi,
  ) {}

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    view.onDidChangeVisibility(({ visible }) => visible && this.stale && this.refresh());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }

  refresh(): void {
    this.stale = !this.view?.visible;
    if (!this.stale) {
      this.shown = undefined;
      this.changed.fire();
    }
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) {
      return node.kind === 'category' ? node.services.map((service) => ({ kind: 'service', service })) : [];
    }
    if (!this.shown) {
      const generation = ++this.generation;
      const [overview, due, status] = await Promise.all([
        this.overview(false),
        this.quiz.dueByTerm().catch(() => new Map<string, number>()),
        this.client.sendRequest(StatusRequest),
      ]);
      this.shown = { overview, due };
      if (status.indexing) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), INDEXING_RETRY_MS);
      }
      void this.overview(true).then((counted) => {
        if (generation === this.generation && this.shown) {
          this.shown = { ...this.shown, overview: counted };
          this.changed.fire();
        }
      });
    }
    const { categories } = this.shown.overview;
    this.view!.message = categories.length ? undefined : vscode.l10n.t('Your notes do not mention any AWS service yet.');
    return categories.map((c) => ({ kind: 'category', id: c.id, label: c.label, services: c.services }));
  }

  private overview(staleClaims: boolean): Promise<ServicesOverview> {
    return this.client.sendRequest(ServicesOverviewRequest, { staleClaims });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `category:${node.id}`;
      item.description = String(node.services.length);
      item.contextValue = 'category';
      return item;
    }
    const s = node.service;
    const due = this.shown?.due.get(s.termId) ?? 0;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.None);
    item.id = s.termId;
    const parts = [vscode.l10n.t('{0}× in {1} note(s)', s.mentions, s.notes)];
    if (s.staleClaims) {
      parts.push(vscode.l10n.t('{0} outdated', s.staleClaims));
    }
    if (due) {
      parts.push(vscode.l10n.t('{0} due', due));
    }
    item.description = parts.join(' · ');
    item.tooltip = [
      s.name,
      vscode.l10n.t('{0} mention(s) in {1} note(s)', s.mentions, s.notes),
      s.staleClaims === undefined ? vscode.l10n.t('Counting outdated claims…') : vscode.l10n.t('{0} outdated claim(s)', s.staleClaims),
      vscode.l10n.t('{0} quiz card(s) due today', due),
    ].join('\n');
    item.iconPath = s.staleClaims
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('symbol-class');
    item.contextValue = 'service';
    item.command = { command: 'cloudNotes.services.showReferences', title: vscode.l10n.t('Show References'), arguments: [s.termId] };
    return item;
  }
}
