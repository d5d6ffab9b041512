// Quick picks that choose what the quiz asks about.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QuizScope, QuizSummary } from '../../../server/src/protocol';

/** `nameOf` gives a glossary term's or category's display name. */
export function scopeLabel(scope: QuizScope, nameOf: (termId: string) => string): string {
  switch (scope.kind) {
    case 'all':
      return vscode.l10n.t('Whole workspace');
    case 'note':
      return path.posix.basename(vscode.Uri.parse(scope.uri).path);
    case 'folder':
      return vscode.workspace.asRelativePath(vscode.Uri.parse(scope.uri), true);
    case 'term':
      return nameOf(scope.termId);
    case 'category':
      return nameOf(scope.category);
  }
}

export function activeMarkdownUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc.uri : undefined;
}

type ScopeKind = QuizScope['kind'];

/** Asks for a scope; `summary` fetches what the workspace quiz holds (for the lists of services and categories). */
export async function pickScope(summary: () => Promise<QuizSummary>, nameOf: (termId: string) => string): Promise<QuizScope | undefined> {
  const note = activeMarkdownUri();
  const kinds: (vscode.QuickPickItem & { scope: ScopeKind })[] = [
    ...(note
      ? [{ scope: 'note' as const, label: `$(file) ${vscode.l10n.t('Current note')}`, description: vscode.workspace.asRelativePath(note) }]
      : []),
    { scope: 'folder', label: `$(folder) ${vscode.l10n.t('Folder…')}` },
    { scope: 'all', label: `$(root-folder) ${vscode.l10n.t('Whole workspace')}` },
    { scope: 'term', label: `$(symbol-class) ${vscode.l10n.t('One service…')}` },
    { scope: 'category', label: `$(list-tree) ${vscode.l10n.t('One category…')}` },
  ];
  const picked = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('Quiz: what to study') });
  switch (picked?.scope) {
    case undefined:
      return undefined;
    case 'note':
      return { kind: 'note', uri: note!.toString() };
    case 'all':
      return { kind: 'all' };
    case 'folder':
      return pickFolder();
    case 'term':
      return pickTerm(summary, nameOf);
    case 'category':
      return pickCategory(summary);
  }
}

async function pickFolder(): Promise<QuizScope | undefined> {
  const files = await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,**/.cloud-notes/**}', 10_000);
  const folders = new Map<string, vscode.Uri>();
  for (const ws of vscode.workspace.workspaceFolders ?? []) {
    folders.set(ws.uri.toString(), ws.uri);
  }
  for (const file of files) {
    const root = vscode.workspace.getWorkspaceFolder(file);
    for (let dir = vscode.Uri.joinPath(file, '..'); root && dir.path.startsWith(root.uri.path); dir = vscode.Uri.joinPath(dir, '..')) {
      if (folders.has(dir.toString())) {
        break;
      }
      folders.set(dir.toString(), dir);
    }
  }
  const items = [...folders.values()]
    .map((uri) => ({ label: `$(folder) ${vscode.workspace.asRelativePath(uri, true)}`, uri }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Quiz: pick a folder'), matchOnDescription: true });
  return picked && { kind: 'folder', uri: picked.uri.toString() };
}

async function pickTerm(summary: () => Promise<QuizSummary>, nameOf: (termId: string) => string): Promise<QuizScope | undefined> {
  const counts = new Map<string, number>();
  for (const card of (await summary()).cards) {
    for (const id of new Set(card.termIds)) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  if (counts.size === 0) {
    vscode.window.showInformationMessage(vscode.l10n.t('No quiz questions mention a service yet.'));
    return undefined;
  }
  const items = [...counts]
    .map(([termId, n]) => ({ label: nameOf(termId), description: vscode.l10n.t('{0} card(s)', n), termId }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Quiz: pick a service') });
  return picked && { kind: 'term', termId: picked.termId };
}

async function pickCategory(summary: () => Promise<QuizSummary>): Promise<QuizScope | undefined> {
  const items = (await summary()).categories.map(({ id, name }) => ({ label: name, description: id, category: id }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Quiz: pick a category') });
  return picked && { kind: 'category', category: picked.category };
}
