// Opens where the notes discuss a term: one place in the editor, several in the references peek.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TermLocationsRequest, type TermLocationsParams } from '../../server/src/protocol';

export async function showTermLocations(client: LanguageClient, params: TermLocationsParams): Promise<void> {
  const { name, locations } = await client.sendRequest(TermLocationsRequest, params);
  const converted = await Promise.all(locations.map((l) => client.protocol2CodeConverter.asLocation(l as never)));
  if (!converted.length) {
    vscode.window.showInformationMessage(vscode.l10n.t('Your notes do not mention {0} yet.', name));
  } else if (converted.length === 1) {
    await vscode.window.showTextDocument(converted[0].uri, { selection: converted[0].range });
  } else {
    const editor = vscode.window.activeTextEditor;
    const anchor = editor
      ? { uri: editor.document.uri, pos: editor.selection.active }
      : { uri: converted[0].uri, pos: converted[0].range.start };
    await vscode.commands.executeCommand('editor.action.peekLocations', anchor.uri, anchor.pos, converted, 'peek');
  }
}
