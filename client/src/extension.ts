// The extension client: starts the language server and adds what only the editor can do
// (jumping to related services, the quiz panel).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DisableRuleCommand, ShowTermCommand, TermLocationsRequest, type TermLocations } from '../../server/src/protocol';
import { registerQuiz } from './quiz/quizPanel';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.md'),
        vscode.workspace.createFileSystemWatcher('**/.cloud-notes/{glossary,facts}.json'),
      ],
    },
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
    // Hovers link related services through a command of ours.
    markdown: { isTrusted: { enabledCommands: [ShowTermCommand] } },
  };
  client = new LanguageClient('cloudNotes', 'Cloud Study Notes', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand(ShowTermCommand, (termId: string) => showTerm(client!, termId)),
    vscode.commands.registerCommand(DisableRuleCommand, disableRule),
  );
  await client.start();
  registerQuiz(context, client);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Opens where the notes define a term; several places open in the references peek. */
async function showTerm(client: LanguageClient, termId: string): Promise<void> {
  const { name, locations } = await client.sendRequest<TermLocations>(TermLocationsRequest, { termId });
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

/** Turns a rule off in the workspace settings (`cloudNotes.rules`). */
async function disableRule(ruleId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('cloudNotes');
  const rules = { ...(config.get<Record<string, string>>('rules') ?? {}), [ruleId]: 'off' };
  await config.update('rules', rules, vscode.ConfigurationTarget.Workspace);
}
