// The extension client: starts the language server and adds what only the editor can do
// (jumping to related services, the quiz panel).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DisableRuleCommand, ShowTermCommand } from '../../server/src/protocol';
import { registerQuiz } from './quiz/quizPanel';
import { showTermLocations } from './termLocations';
import { OPEN_KNOWLEDGE_MAP, registerServicesView } from './views/servicesView';
import { registerKnowledgeMap } from './map/knowledgeMapPanel';

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
    vscode.commands.registerCommand(ShowTermCommand, (termId: string) => showTermLocations(client!, { termId })),
    vscode.commands.registerCommand(DisableRuleCommand, disableRule),
  );
  await client.start();
  registerServicesView(context, client, registerQuiz(context, client));
  registerKnowledgeMap(context, client, OPEN_KNOWLEDGE_MAP);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Turns a rule off in the workspace settings (`cloudNotes.rules`). */
async function disableRule(ruleId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('cloudNotes');
  const rules = { ...(config.get<Record<string, string>>('rules') ?? {}), [ruleId]: 'off' };
  await config.update('rules', rules, vscode.ConfigurationTarget.Workspace);
}
