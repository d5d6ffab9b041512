// "Export to Anki" (the quiz panel's title bar): the scope's cards as an Anki import file, written
// by the language server (server/src/quiz/ankiExport.ts, shared with `cloud-notes quiz export`)
// and saved where the user picks.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnkiExportRequest, type AnkiExportParams, type QuizItemsParams } from '../../../server/src/protocol';

export async function exportToAnki(client: LanguageClient, quiz: QuizItemsParams, scopeName: string | undefined): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const fileName = `${(scopeName ?? 'cloud-notes').replace(/[\\/:*?"<>|\s]+/g, '-')}.anki.txt`;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export quiz cards to Anki'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: folders[0] ? vscode.Uri.joinPath(folders[0].uri, fileName) : undefined,
    filters: { [vscode.l10n.t('Anki text import')]: ['txt', 'tsv'] },
  });
  if (!target) {
    return;
  }
  try {
    const params: AnkiExportParams = { ...quiz, subdeck: scopeName, roots: folders.map((f) => f.uri.toString()) };
    const { tsv, cards } = await client.sendRequest(AnkiExportRequest, params);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(tsv));
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Exported {0} card(s) to {1}. In Anki: File › Import.', cards, vscode.workspace.asRelativePath(target)),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the quiz cards: {0}', (e as Error).message));
  }
}
