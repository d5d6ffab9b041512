// Fires (debounced) when notes or the team's knowledge files are saved, created, deleted or renamed:
// what the services view and the knowledge map refresh on.
import * as vscode from 'vscode';

const DELAY_MS = 1000;
const WATCHED = /\.md$|[\\/]\.cloud-notes[\\/](?:glossary|facts)\.json$/i;

export function onNotesChanged(listener: () => void): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const changed = (uri: vscode.Uri) => {
    if (WATCHED.test(uri.path)) {
      clearTimeout(timer);
      timer = setTimeout(listener, DELAY_MS);
    }
  };
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(timer) },
    vscode.workspace.onDidSaveTextDocument((doc) => changed(doc.uri)),
    vscode.workspace.onDidCreateFiles((e) => e.files.forEach(changed)),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(changed)),
    vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => changed(f.newUri))),
  );
}
