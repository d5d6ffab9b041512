// Drives the built server (dist/server.js --stdio) over JSON-RPC, as an editor does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Messages the server logged (window/logMessage). */
  logs: string[];
  /** Resolves when start-up indexing has finished (work-done progress `end`). */
  indexed: Promise<void>;
  /** What the server announced in its initialize result. */
  capabilities: ServerCapabilities;
  /** The `cloudNotes` settings the client answers with; change them, then send workspace/didChangeConfiguration. */
  settings: Record<string, unknown>;
  /** How many times the server asked for settings, and for a progress bar (once per indexing). */
  counts: { configuration: number; progress: number };
  stop(): Promise<void>;
}

export interface StartOptions {
  locale?: string;
  /** Where the server may persist its index (the extension passes its storage folder). */
  storagePath?: string;
  /** Runs before `initialize` is sent, and between its answer and the `initialized` notification. */
  beforeInitialize?: (connection: ProtocolConnection) => Promise<void>;
  beforeInitialized?: (connection: ProtocolConnection) => Promise<void>;
}

export async function startServer(
  folder: string,
  { locale = 'ko', storagePath, beforeInitialize, beforeInitialized }: StartOptions = {},
): Promise<LspSession> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  let markIndexed!: () => void;
  const indexed = new Promise<void>((resolve) => (markIndexed = resolve));
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  const counts = { configuration: 0, progress: 0 };
  connection.onRequest('window/workDoneProgress/create', () => {
    counts.progress++;
    return null;
  });
  const settings: Record<string, unknown> = {};
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
    counts.configuration++;
    return p.items.map(() => settings);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
    if (p.value.kind === 'end') {
      markIndexed();
    }
  });
  connection.listen();
  await beforeInitialize?.(connection);
  const rootUri = pathToFileURL(folder).toString();
  const { capabilities } = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    locale,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'notes' }],
    initializationOptions: { storagePath },
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  await beforeInitialized?.(connection);
  connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    logs,
    indexed,
    capabilities,
    settings,
    counts,
    async stop() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      await new Promise((resolve) => child.once('exit', resolve));
      connection.dispose();
    },
  };
}

export function fileUri(folder: string, name: string): string {
  return pathToFileURL(path.join(folder, name)).toString();
}

/**
 * For a mocha suite: a server over a fresh temporary folder that `fill` writes notes into, indexed
 * before the tests (`started` gets it) and stopped and removed after them.
 */
export function serverForSuite(
  fill: (folder: string) => void,
  options: StartOptions,
  started: (session: { folder: string; lsp: LspSession }) => void,
): void {
  let folder = '';
  let lsp: LspSession | undefined;
  before(async () => {
    if (!existsSync(SERVER)) {
      throw new Error(`${SERVER} is missing: run npm run build first`);
    }
    folder = mkdtempSync(path.join(tmpdir(), 'csn-lsp-'));
    fill(folder);
    lsp = await startServer(folder, { storagePath: `${folder}-storage`, ...options });
    await lsp.indexed;
    started({ folder, lsp });
  });
  after(async () => {
    await lsp?.stop();
    for (const dir of [folder, `${folder}-storage`]) {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
