// Gives a webview the extension's strict shell: scripts only from dist/ with a fresh nonce, styles from media/.
import * as vscode from 'vscode';
import { buildWebviewHtml, createNonce } from './webviewHtml';

export function setWebviewShell(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  files: { script: string; style: string; title: string },
): void {
  webview.options = {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
  webview.html = buildWebviewHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', files.script)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', files.style)).toString(),
    nonce: createNonce(),
    lang: vscode.env.language,
    title: files.title,
  });
}
