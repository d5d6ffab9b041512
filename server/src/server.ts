// The LSP server: wires requests and notifications to the language service, nothing more.
import {
  createConnection,
  CancellationTokenSource,
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
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
  AnkiExportRequest,
  QuizItemsRequest,
  QuizSummaryRequest,
  ServicesOverviewRequest,
  StatusRequest,
  TermLocationsRequest,
  TermNamesRequest,
} from './protocol';
import { Cancelled } from './async/turns';
import { Watchdog } from './lsp/watchdog';
import { t, toLocale } from './l10n';
import { findingOf, toCodeActions, toDiagnostic } from './lsp/diagnostics';
import { ankiExport } from './quiz/ankiExport';
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

const logger = { info: (m: string) => connection.console.info(m), warn: (m: string) => connection.console.warn(m) };
const watchdog = new Watchdog(logger);

/** Undefined until `initialize`. */
let service: LanguageService | undefined;
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
  recheckOpenNotes();
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
    logger,
    limits: { maxFileBytes: maxFileSizeMB * 1024 * 1024 },
    cacheFile,
  });
  for (const doc of documents.all()) {
    next.documentChanged(doc);
  }
  return next;
}

async function reindex(wanted: Promise<Settings>): Promise<void> {
  built = wanted;
  const next = createService(await wanted);
  service = next;
  recheckOpenNotes();
  if (canRefreshTokens) {
    void connection.languages.semanticTokens.refresh();
  }
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin(t(locale, 'indexing'), 0, undefined, false);
  const started = Date.now();
  await watchdog.during('indexing', () =>
    next.indexWorkspace((done, total) => progress.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total}`)),
  );
  progress.done();
  const s = next.status();
  connection.console.info(`Indexed ${s.files} notes (${s.occurrences} term mentions) in ${Date.now() - started} ms`);
}

/** The extension's storage when the client gives one, else the user's cache folder; one file per set of folders. */
function indexCacheFile(storagePath: string | undefined, folders: string[]): string {
  const dir = storagePath ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cloud-study-notes');
  return path.join(dir, `index-${createHash('sha1').update(folders.join('\n')).digest('hex').slice(0, 16)}.bin`);
}

/**
 * Diagnostics: one pass at a time, each for the latest version of one note. An edit that arrives
 * while its note's pass is pending or running is part of a burst: that pass is cancelled and the
 * next waits until the note has been quiet for BURST_QUIET_MS. A lone edit is checked at once.
 */
const BURST_QUIET_MS = 50;
const staleDiagnostics = new Set<string>();
let diagnosing: { uri: string; cancel: CancellationTokenSource } | undefined;
/** The next pass, waiting for a burst's quiet spell or for the messages already queued. */
let nextPass: { cancel(): void } | undefined;

function diagnosticsWanted(uri: string): void {
  const burst = staleDiagnostics.has(uri) || diagnosing?.uri === uri;
  staleDiagnostics.add(uri);
  if (diagnosing?.uri === uri) {
    diagnosing.cancel.cancel();
  }
  scheduleDiagnostics(burst ? BURST_QUIET_MS : 0);
}

/** At once means after the requests already queued (setImmediate runs after the poll for messages; a timer before it). */
function scheduleDiagnostics(delay = 0): void {
  nextPass?.cancel();
  const run = () => {
    nextPass = undefined;
    void diagnoseNext();
  };
  if (delay) {
    const timer = setTimeout(run, delay);
    nextPass = { cancel: () => clearTimeout(timer) };
  } else {
    const immediate = setImmediate(run);
    nextPass = { cancel: () => clearImmediate(immediate) };
  }
}

function recheckOpenNotes(): void {
  for (const doc of documents.all()) {
    staleDiagnostics.add(doc.uri);
  }
  scheduleDiagnostics();
}

async function diagnoseNext(): Promise<void> {
  const [uri] = staleDiagnostics;
  if (diagnosing || uri === undefined) {
    return;
  }
  staleDiagnostics.delete(uri);
  const doc = documents.get(uri);
  const checker = service;
  const cancel = new CancellationTokenSource();
  diagnosing = { uri, cancel };
  try {
    const findings =
      doc && checker && (await watchdog.during(`diagnostics of ${uri}`, () => checker.diagnosticsPausing(doc, rules, cancel.token)));
    if (findings && documents.get(uri) === doc) {
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: findings.map(toDiagnostic) });
    }
  } catch (e) {
    if (!(e instanceof Cancelled)) {
      connection.console.error(`Diagnostics failed: ${(e as Error).stack ?? e}`);
    }
  } finally {
    diagnosing = undefined;
    cancel.dispose();
    if (staleDiagnostics.size && !nextPass) {
      scheduleDiagnostics();
    }
  }
}

documents.onDidChangeContent((e) => {
  service?.documentChanged(e.document);
  diagnosticsWanted(e.document.uri);
});
documents.onDidClose((e) => {
  staleDiagnostics.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  void service?.documentClosed(e.document.uri);
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
      service?.noteDeleted(c.uri);
    } else {
      await service?.noteChanged(c.uri);
    }
  }
});

/**
 * A request handler: before `initialize` it answers -32002, a cancelled request answers
 * "request cancelled", and a request about a document the client has not opened gets `empty`.
 */
function serve<P, R>(handler: (service: LanguageService, params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (!service) {
      throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized');
    }
    try {
      return await handler(service, params, token);
    } catch (e) {
      if (e instanceof Cancelled) {
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      }
      throw e;
    }
  };
}

function serveDoc<P extends { textDocument: { uri: string } }, R>(
  empty: R,
  handler: (service: LanguageService, doc: TextDocument, params: P, token: CancellationToken) => R | Promise<R>,
) {
  return serve<P, R>((s, params, token) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? handler(s, doc, params, token) : empty;
  });
}

connection.onHover(serveDoc(null, (s, doc, p) => s.hover(doc, p.position) ?? null));
connection.onDefinition(serveDoc([], (s, doc, p) => s.definition(doc, p.position)));
connection.onReferences(serveDoc([], (s, doc, p, token) => s.references(doc, p.position, token)));
connection.languages.semanticTokens.on(serveDoc({ data: [] }, (s, doc) => (semanticHighlighting ? s.semanticTokens(doc) : { data: [] })));
connection.onDocumentHighlight(serveDoc([], (s, doc, p) => s.documentHighlights(doc, p.position)));
connection.onCompletion(serveDoc([], (s, doc, p) => s.completion(doc, p.position)));
connection.onDocumentSymbol(serveDoc([], (s, doc) => s.documentSymbols(doc)));
connection.onWorkspaceSymbol(serve((s, p) => s.workspaceSymbols(p.query)));
connection.onCodeAction(
  serveDoc([], (s, doc, p) =>
    p.context.diagnostics.flatMap((d) => {
      const finding = findingOf(d);
      return finding ? toCodeActions(doc.uri, d, s.quickFixes(doc, finding)) : [];
    }),
  ),
);
connection.onRequest(StatusRequest, (token) => serve((s) => s.status())(undefined, token));
connection.onRequest(
  TermLocationsRequest,
  serve((s, p) => s.termLocations(p.termId, p.mentions)),
);
connection.onRequest(
  ServicesOverviewRequest,
  serve((s, p, token) => watchdog.during('the services overview', () => s.servicesOverview(!!p?.staleClaims, rules, token))),
);
connection.onRequest(
  TermNamesRequest,
  serve((s, p) => s.termNames(p.termIds)),
);
connection.onRequest(
  QuizItemsRequest,
  serve((s, p, token) => watchdog.during('the quiz', () => s.quizItems(p, rules, token))),
);
connection.onRequest(
  QuizSummaryRequest,
  // The status bar asks at start-up: answered over the complete index, not while it is being built.
  serve(async (_, p, token) => {
    await ready;
    return watchdog.during('the quiz', () => service!.quizSummary(p, rules, token));
  }),
);
connection.onRequest(
  AnkiExportRequest,
  serve(async (s, p, token) => ankiExport(await watchdog.during('the quiz', () => s.quizItems(p, rules, token)), p, s.locale)),
);

documents.listen(connection);
connection.listen();
