// The knowledge map panel: the services the notes mention as a graph (drawn by dist/mapWebview.js
// with cytoscape, bundled). A click on a service opens where the notes discuss it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServicesOverviewRequest } from '../../../server/src/protocol';
import { showTermLocations } from '../termLocations';
import { onNotesChanged } from '../views/notesChanged';
import { setWebviewShell } from '../webviewShell';
import { filterChoices } from './graphModel';
import { parseFromMapWebview, type MapStrings, type ToMapWebview } from './messages';

const VIEW_TYPE = 'cloudNotes.knowledgeMap';

export function registerKnowledgeMap(context: vscode.ExtensionContext, client: LanguageClient, command: string): void {
  const map = new KnowledgeMap(context, client);
  context.subscriptions.push(
    map,
    vscode.commands.registerCommand(command, (termId?: unknown) => map.open(typeof termId === 'string' ? termId : undefined)),
    onNotesChanged(() => map.visible && map.update()),
  );
}

class KnowledgeMap implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private focus: string | undefined;
  /** The services drawn now: a click may only open one of them. */
  private listed = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {}

  get visible(): boolean {
    return !!this.panel?.visible;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  async open(focus: string | undefined): Promise<void> {
    this.focus = focus;
    if (this.panel) {
      this.panel.reveal();
      return this.update();
    }
    const title = vscode.l10n.t('Knowledge Map');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Active, {});
    this.panel = panel;
    setWebviewShell(panel.webview, this.context.extensionUri, { script: 'mapWebview.js', style: 'map.css', title });
    panel.webview.onDidReceiveMessage(async (raw) => {
      const message = parseFromMapWebview(raw);
      // The script says it is ready each time the panel is shown again (hidden webviews are dropped).
      if (message?.type === 'ready') {
        await this.update();
      } else if (message?.type === 'openTerm' && this.listed.has(message.termId)) {
        await showTermLocations(this.client, { termId: message.termId });
      }
    });
    panel.onDidDispose(() => (this.panel = undefined));
  }

  /** Draws the graph from the index at once, then colours it when the outdated claims are counted. */
  async update(): Promise<void> {
    for (const staleClaims of [false, true]) {
      const overview = await this.client.sendRequest(ServicesOverviewRequest, {
        staleClaims,
      });
      this.listed = new Set(overview.categories.flatMap((c) => c.services.map((s) => s.termId)));
      const folderLabels = Object.fromEntries(
        filterChoices(overview).folders.map((f) => [f, vscode.workspace.asRelativePath(vscode.Uri.parse(f), true) || f]),
      );
      const message: ToMapWebview = { type: 'graph', overview, strings: mapStrings(), folderLabels, focus: this.focus };
      void this.panel?.webview.postMessage(message);
    }
  }
}

function mapStrings(): MapStrings {
  return {
    category: vscode.l10n.t('Category'),
    allCategories: vscode.l10n.t('All categories'),
    folder: vscode.l10n.t('Folder'),
    allFolders: vscode.l10n.t('All folders'),
    hint: vscode.l10n.t('Size: mentions · click a service to open where your notes discuss it'),
    mostMentioned: vscode.l10n.t('Showing the {0} most mentioned of {1}: choose a category or a folder to see the others.'),
    empty: vscode.l10n.t('Your notes do not mention any AWS service yet.'),
    legend: [vscode.l10n.t('No outdated claim'), vscode.l10n.t('1–2 outdated claims'), vscode.l10n.t('3 or more outdated claims')],
    relations: {
      'integrates-with': vscode.l10n.t('works with'),
      'compared-with': vscode.l10n.t('compare with'),
      'part-of': vscode.l10n.t('part of'),
      'replaced-by': vscode.l10n.t('replaced by'),
      uses: vscode.l10n.t('uses'),
      'alternative-to': vscode.l10n.t('alternative'),
    },
  };
}
