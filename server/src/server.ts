// The LSP server: wires requests and notifications to the language service, nothing more.
import {
  createConnection,
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LanguageService } from './languageService';
import { loadKnowledge } from './knowledge/loadKnowledge';
import { userKnowledgeKind, withUserKnowledge } from './knowledge/userKnowledge';
import { readUserKnowledge } from './workspace/userKnowledgeFiles';
import { FileWorkspace } from './workspace/fileWorkspace';
import {
  QuizItemsRequest,
  ServicesOverviewRequest,
  StatusRequest,
  TermLocationsRequest,
  TermNamesRequest,
  type QuizItemsParams,
  type ServicesOverviewParams,
  type TermLocationsParams,
  type TermNamesParams,
} from './protocol';
import { t, toLocale } from './l10n';
import type { RuleSettings } from './features/diagnostics';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from './features/semanticTokens';

interface Settings {
  exclude: string[];
  maxFileSizeMB: number;
  rules: RuleSettings;
  semanticHighlighting: boolean;
}

const DEFAULT_SETTINGS: Settings = { exclude: [], maxFileSizeMB: 5, rules: {}, semanticHighlighting: true };

// Parsing notes with remark and answering large reference lists allocate fast; by default V8 then
// lets the heap grow to several times what is live before collecting. A flat 20 % growth keeps
// resident memory near the live size for a few percent more time in the collector.
setFlagsFromString('--heap-growing-percent=20');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let knowledge = loadKnowledge();

let service: LanguageService;
let workspace: FileWorkspace;
let roots: string[] = [];
let locale = toLocale(undefined);
let canConfigure = false;
let canRefreshTokens = false;
let ready: Promise<void> = Promise.resolve();
let rules: RuleSettings = {};
let semanticHighlighting = true;
let cacheFile: string | undefined;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = toLocale(params.locale);
  roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => URI.parse(f.uri).fsPath);
  canConfigure = !!params.capabilities.workspace?.configuration;
  canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
  cacheFile = indexCacheFile((params.initializationOptions as { storagePath?: string } | undefined)?.storagePath, roots);
  service = createService(DEFAULT_SETTINGS);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      completionProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      semanticTokensProvider: {
        legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
        full: true,
      },
    },
    serverInfo: { name: 'cloud-study-notes' },
  };
});

/** The settings the service in use was built with. */
let built: Promise<Settings> = Promise.resolve(DEFAULT_SETTINGS);

connection.onInitialized(() => {
  // Only changes of the extension's own settings reach the server (not every editor setting).
  if (canConfigure) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'cloudNotes' });
  }
  ready = loadTeamKnowledge().then(() => reindex(settings()));
});

/** The team's knowledge files that had diagnostics published (cleared when a file goes away). */
let knowledgeFiles: string[] = [];

/** Merges the team's `.cloud-notes/` knowledge into the shipped one; an invalid file gets diagnostics and one message. */
async function loadTeamKnowledge(): Promise<void> {
  const team = withUserKnowledge(await readUserKnowledge(roots), locale);
  knowledge = team.knowledge;
  for (const uri of knowledgeFiles.filter((uri) => !team.diagnostics.has(uri))) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  for (const [uri, diagnostics] of team.diagnostics) {
    void connection.sendDiagnostics({ uri, diagnostics });
  }
  knowledgeFiles = [...team.diagnostics.keys()];
  for (const message of team.ignored) {
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}

// What the notes are (folders, exclusions, size limit) needs a new index; rules and highlighting only
// new diagnostics and tokens; an unchanged section (the client sends one when the server registers) nothing.
connection.onDidChangeConfiguration(async () => {
  const [before, after] = await Promise.all([built, settings()]);
  const notes = (s: Settings) => JSON.stringify([s.exclude, s.maxFileSizeMB]);
  if (notes(before) !== notes(after)) {
    ready = reindex(Promise.resolve(after));
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) {
    return;
  }
  built = Promise.resolve(after);
  rules = after.rules;
  semanticHighlighting = after.semanticHighlighting;
  for (const doc of documents.all()) {
    staleDiagnostics.add(doc.uri);
  }
  scheduleDiagnostics();
  if (canRefreshTokens) {
    void connection.languages.semanticTokens.refresh();
  }
});

async function settings(): Promise<Settings> {
  if (!canConfigure) {
    return DEFAULT_SETTINGS;
  }
  const s = (await connection.workspace.getConfiguration('cloudNotes')) ?? {};
  return { ...DEFAULT_SETTINGS, ...s };
}

function createService({ exclude, maxFileSizeMB, rules: ruleSettings, semanticHighlighting: highlight }: Settings): LanguageService {
  rules = ruleSettings;
  semanticHighlighting = highlight;
  workspace = new FileWorkspace(roots, exclude);
  const next = new LanguageService({
    workspace,
    knowledge,
    locale,
    logger: { info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m) },
    limits: { maxFileBytes: maxFileSizeMB * 1024 * 1024 },
    cacheFile,
  });
  for (const doc of documents.all()) {
    next.documentChanged(doc);
    staleDiagnostics.add(doc.uri);
  }
  scheduleDiagnostics();
  return next;
}

async function reindex(wanted: Promise<Settings>): Promise<void> {
  built = wanted;
  const next = createService(await wanted);
  service = next;
  if (canRefreshTokens) {
    void connection.languages.semanticTokens.refresh();
  }
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin(t(locale, 'indexing'), 0, undefined, false);
  const started = Date.now();
  await next.indexWorkspace((done, total) => progress.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total}`));
  progress.done();
  const s = next.status();
  connection.console.info(`Indexed ${s.files} notes (${s.occurrences} term mentions) in ${Date.now() - started} ms`);
}

/** The extension's storage when the client gives one, else the user's cache folder; one file per set of folders. */
function indexCacheFile(storagePath: string | undefined, folders: string[]): string {
  const dir = storagePath ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cloud-study-notes');
  return path.join(dir, `index-${createHash('sha1').update(folders.join('\n')).digest('hex').slice(0, 16)}.bin`);
}

/** The service for a request; requests never wait for indexing to finish. */
const svc = () => service;

// Diagnostics are computed after the messages already queued (typing bursts coalesce), one note
// per pass, and a note's parse gives requests a turn between its sections.
const staleDiagnostics = new Set<string>();
let diagnosing = false;

function scheduleDiagnostics(): void {
  if (diagnosing) {
    return;
  }
  diagnosing = true;
  setImmediate(async () => {
    try {
      const [uri] = staleDiagnostics;
      if (uri === undefined) {
        return;
      }
      staleDiagnostics.delete(uri);
      const doc = documents.get(uri);
      if (!doc) {
        return;
      }
      const diagnostics = await svc().diagnosticsPausing(doc, rules);
      if (diagnostics && documents.get(uri) === doc) {
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
      }
    } catch (e) {
      connection.console.error(`Diagnostics failed: ${(e as Error).stack ?? e}`);
    } finally {
      diagnosing = false;
      if (staleDiagnostics.size) {
        scheduleDiagnostics();
      }
    }
  });
}

documents.onDidChangeContent((e) => {
  svc().documentChanged(e.document);
  staleDiagnostics.add(e.document.uri);
  scheduleDiagnostics();
});
documents.onDidClose((e) => {
  staleDiagnostics.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  void svc().documentClosed(e.document.uri);
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await ready;
  if (changes.some((c) => userKnowledgeKind(c.uri))) {
    await loadTeamKnowledge();
    ready = reindex(built);
  }
  for (const c of changes) {
    const uri = URI.parse(c.uri);
    if (uri.scheme !== 'file' || !workspace.includes(uri.fsPath)) {
      continue;
    }
    if (c.type === FileChangeType.Deleted) {
      svc().noteDeleted(c.uri);
    } else {
      await svc().noteChanged(c.uri);
    }
  }
});

const withDoc =
  <R>(fn: (doc: TextDocument, p: { position: { line: number; character: number } }) => R, empty: R) =>
  (p: { textDocument: { uri: string }; position: { line: number; character: number } }): R => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? fn(doc, p) : empty;
  };

connection.onHover(withDoc((doc, p) => svc().hover(doc, p.position) ?? null, null));
connection.onDefinition(withDoc((doc, p) => svc().definition(doc, p.position), []));
connection.onReferences(withDoc((doc, p) => svc().references(doc, p.position), Promise.resolve([])));
connection.languages.semanticTokens.on((p) => {
  const doc = documents.get(p.textDocument.uri);
  return doc && semanticHighlighting ? svc().semanticTokens(doc) : { data: [] };
});
connection.onDocumentHighlight(withDoc((doc, p) => svc().documentHighlights(doc, p.position), []));
connection.onCompletion(withDoc((doc, p) => svc().completion(doc, p.position), []));
connection.onDocumentSymbol((p) => {
  const doc = documents.get(p.textDocument.uri);
  return doc ? svc().documentSymbols(doc) : [];
});
connection.onWorkspaceSymbol((p) => svc().workspaceSymbols(p.query));
connection.onCodeAction((p) => {
  const doc = documents.get(p.textDocument.uri);
  return doc ? svc().codeActions(doc, p.context.diagnostics) : [];
});
connection.onRequest(StatusRequest, () => svc().status());
connection.onRequest(TermLocationsRequest, (p: TermLocationsParams) => svc().termLocations(p.termId, p.mentions));
connection.onRequest(ServicesOverviewRequest, (p: ServicesOverviewParams | undefined) => svc().servicesOverview(!!p?.staleClaims, rules));
connection.onRequest(TermNamesRequest, (p: TermNamesParams) => svc().termNames(p.termIds));
connection.onRequest(QuizItemsRequest, (p: QuizItemsParams) => svc().quizItems(p, rules));

documents.listen(connection);
connection.listen();
