// The transport-free language service: it owns the index and the open notes and answers every
// feature request. server.ts wires LSP to it; tests and the CLI call it directly.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { Knowledge } from './knowledge/loadKnowledge';
import type { Locale } from './knowledge/glossary';
import { scanNote, type ScannedNote } from './scan/noteScanner';
import { WorkspaceIndex } from './index/workspaceIndex';
import { decodeNote, DEFAULT_LIMITS, tooLargeMessage, type DecodeLimits } from './workspace/decodeNote';
import type { Logger, Workspace } from './workspace/workspace';
import { loadIndexCache, saveIndexCache, type CachedNote, type IndexCache } from './index/indexCache';
import type { FeatureContext } from './features/context';
import { hover } from './features/hover';
import { definition, definitionsOf } from './features/definition';
import { references, mentionsOf } from './features/references';
import { documentHighlights } from './features/highlights';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { completion } from './features/completion';
import {
  computeDiagnostics,
  diagnosticsContext,
  DiagnosticsCache,
  MAX_CHECKED_CHARS,
  type DiagnosticsContext,
  type RuleSettings,
} from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { buildNoteModel, buildNoteModelPausing, EMPTY_MODEL, unparsableSections, type NoteModel } from './parse/noteModel';
import { UnparsedNotice } from './parse/unparsedNotice';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { QuizItem, QuizItemsParams, QuizScope, Status, TermLocations, TermNames } from './protocol';
import { noteQuestions, quizFromNotes, scopeTermIds, type NoteQuestions, type QuizNote } from './features/quizItems';
import { WorkspaceVocabulary } from './vocabulary/workspaceVocabulary';
import { semanticTokens } from './features/semanticTokens';

export interface LanguageServiceOptions {
  workspace: Workspace;
  knowledge: Knowledge;
  locale: Locale;
  logger: Logger;
  limits?: DecodeLimits;
  /** Where to persist the index between sessions (none: always start cold). */
  cacheFile?: string;
}

export type IndexProgress = (done: number, total: number) => void;

/** Long work gives pending requests a turn this often. */
const YIELD_EVERY_MS = 8;

/** A function that long work awaits between steps: it gives pending requests a turn once YIELD_EVERY_MS have passed. */
function turns(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < YIELD_EVERY_MS) {
      return;
    }
    await new Promise((resolve) => setImmediate(resolve));
    last = Date.now();
  };
}
const READ_BATCH = 16;
const EMPTY_SCAN: ScannedNote = {
  occurrences: new Int32Array(0),
  definitions: new Int32Array(0),
  headings: new Int32Array(0),
  headingText: '',
  ownTerms: '',
};

export class LanguageService {
  /** Use through `index`, which first applies pending editor changes. */
  private readonly workspaceIndex = new WorkspaceIndex();
  /** Open notes edited since they were last scanned: scanned when a request needs the index. */
  private readonly pending = new Map<string, TextDocument>();
  private readonly open = new Map<string, { version: number; scanned: ScannedNote; doc: TextDocument }>();
  private readonly models = new Map<string, { version: number; model: NoteModel }>();
  private readonly diagnosticsCaches = new Map<string, DiagnosticsCache>();
  private readonly toldTooLarge = new Set<string>();
  private readonly unparsed: UnparsedNotice;
  /** Per note: the quiz questions of the version (and settings) they were made from. */
  private readonly quizCache = new Map<string, { key: string; questions: NoteQuestions }>();
  /** Scans of notes as they are on disk, with the size and time they were read at: what the cache keeps. */
  private readonly diskScans = new Map<string, CachedNote>();
  private vocabularyCache?: { version: number; vocabulary: WorkspaceVocabulary };
  /** Open notes scanned for the workspace vocabulary, per note version and vocabulary version. */
  private readonly ownTermScans = new Map<string, { key: string; scanned: ScannedNote }>();
  private readonly ctx: FeatureContext;
  private readonly diagnosticsContext: DiagnosticsContext;
  private indexing = false;

  constructor(private readonly options: LanguageServiceOptions) {
    const { glossary, matcher } = options.knowledge;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context reads the index through the service
    const service = this;
    this.ctx = {
      glossary,
      matcher,
      get index() {
        return service.index;
      },
      locale: options.locale,
      scan: (doc) => this.scan(doc),
      vocabulary: () => this.vocabulary(),
      scanOwnTerms: (doc) => this.scanOwnTerms(doc),
      forEachNoteText: (visit) => this.forEachNoteText(visit),
    };
    this.diagnosticsContext = diagnosticsContext(options.knowledge, options.locale);
    this.unparsed = new UnparsedNotice(options.logger);
  }

  get locale(): Locale {
    return this.options.locale;
  }

  /**
   * Reads and scans every note, except those the persisted cache holds unchanged. Requests are
   * answered in between; open notes keep their editor text.
   */
  async indexWorkspace(onProgress?: IndexProgress): Promise<void> {
    this.indexing = true;
    try {
      const { cacheFile, knowledge } = this.options;
      const [files, cache] = await Promise.all([
        this.options.workspace.listNotes(),
        cacheFile
          ? loadIndexCache(cacheFile, knowledge.fingerprint, (why) =>
              this.options.logger.warn(`Index cache ${cacheFile} is damaged (${why}); rebuilding it`),
            )
          : undefined,
      ]);
      const listed = new Set(files.map((f) => f.uri));
      const toRead = files.filter((f) => {
        const hit = cache?.notes.get(f.uri);
        return !hit || hit.size !== f.size || hit.mtime !== f.mtime;
      });
      const gone = cache ? [...cache.notes.keys()].filter((uri) => !listed.has(uri)) : [];
      if (cache) {
        this.restore(cache, new Set([...toRead.map((f) => f.uri), ...gone]));
      }
      for (const uri of gone) {
        this.forgetDiskNote(uri);
      }
      const turn = turns();
      for (let i = 0; i < toRead.length; i += READ_BATCH) {
        const batch = toRead.slice(i, i + READ_BATCH);
        const texts = await Promise.all(batch.map((f) => this.read(f.uri)));
        batch.forEach((f, k) => {
          const text = texts[k];
          if (text === undefined) {
            this.forgetDiskNote(f.uri);
          } else {
            this.fromDisk(f.uri, { size: f.size, mtime: f.mtime, scanned: scanNote(text, this.ctx.matcher) });
          }
        });
        onProgress?.(files.length - toRead.length + i + batch.length, files.length);
        await turn();
      }
      if (cacheFile && (toRead.length || gone.length || !cache)) {
        await saveIndexCache(cacheFile, knowledge.fingerprint, { notes: this.diskScans, statistics: this.diskStatistics() }).catch((e) =>
          this.options.logger.warn(`Could not save the index cache: ${(e as Error).message}`),
        );
      }
    } finally {
      this.indexing = false;
    }
  }

  /**
   * Starts from the cached notes and their statistics; `stale` notes are read again or forgotten
   * next. Taking a stale note back out walks the note lists of all its terms, so past 1 % stale
   * notes, setting the fresh ones one by one is cheaper.
   */
  private restore(cache: IndexCache, stale: ReadonlySet<string>): void {
    for (const [uri, note] of cache.notes) {
      this.diskScans.set(uri, note);
    }
    const notes = [...cache.notes].map(([uri, note]) => [uri, note.scanned] as const);
    if (stale.size <= cache.notes.size / 100) {
      try {
        this.workspaceIndex.restore(notes, cache.statistics);
        return;
      } catch (e) {
        this.options.logger.warn(`Index cache: ${(e as Error).message}; rebuilding its statistics`);
      }
    }
    for (const [uri, scanned] of notes) {
      if (!stale.has(uri) && !this.open.has(uri)) {
        this.workspaceIndex.set(uri, scanned);
      }
    }
  }

  /** The statistics of the notes as on disk: the index's own unless it holds an editor's text or other notes. */
  private diskStatistics(): Int32Array {
    const live = this.workspaceIndex;
    const disk = [...this.diskScans];
    const sameNotes = live.size === disk.length && disk.every(([uri, note]) => live.get(uri) === note.scanned);
    const index = sameNotes ? live : new WorkspaceIndex();
    if (!sameNotes) {
      for (const [uri, note] of disk) {
        index.set(uri, note.scanned);
      }
    }
    return index.statistics(disk.map(([uri]) => uri));
  }

  private fromDisk(uri: string, note: CachedNote): void {
    this.diskScans.set(uri, note);
    if (!this.open.has(uri)) {
      this.workspaceIndex.set(uri, note.scanned);
    }
  }

  /** A note no longer on disk, or no longer readable, leaves the index unless it is open. */
  private forgetDiskNote(uri: string): void {
    this.diskScans.delete(uri);
    if (!this.open.has(uri)) {
      this.workspaceIndex.delete(uri);
    }
  }

  /** A note changed or appeared on disk. */
  async noteChanged(uri: string): Promise<void> {
    this.diskScans.delete(uri);
    if (this.open.has(uri)) {
      return;
    }
    const text = await this.read(uri);
    if (text === undefined) {
      this.workspaceIndex.delete(uri);
    } else if (!this.open.has(uri)) {
      this.workspaceIndex.set(uri, scanNote(text, this.ctx.matcher));
    }
  }

  noteDeleted(uri: string): void {
    this.forgetEditorState(uri);
    this.quizCache.delete(uri);
    this.diskScans.delete(uri);
    this.workspaceIndex.delete(uri);
  }

  /** The editor's text replaces the disk text while a note is open (scanned when next needed). */
  documentChanged(doc: TextDocument): void {
    this.pending.set(doc.uri, doc);
  }

  /** The workspace index with every pending editor change applied. */
  get index(): WorkspaceIndex {
    for (const doc of this.pending.values()) {
      this.scan(doc);
    }
    return this.workspaceIndex;
  }

  async documentClosed(uri: string): Promise<void> {
    this.forgetEditorState(uri);
    await this.noteChanged(uri);
  }

  /** Drops what only an open note has: its editor text, scan, model and diagnostics cache. */
  private forgetEditorState(uri: string): void {
    this.pending.delete(uri);
    this.open.delete(uri);
    this.models.delete(uri);
    this.diagnosticsCaches.delete(uri);
    this.toldTooLarge.delete(uri);
    this.unparsed.forget(uri);
    this.ownTermScans.delete(uri);
  }

  scan(doc: TextDocument): ScannedNote {
    this.pending.delete(doc.uri);
    const cached = this.open.get(doc.uri);
    if (cached && cached.version === doc.version) {
      return cached.scanned;
    }
    const scanned = this.tooLarge(doc) ? EMPTY_SCAN : scanNote(doc.getText(), this.ctx.matcher);
    this.open.set(doc.uri, { version: doc.version, scanned, doc });
    this.workspaceIndex.set(doc.uri, scanned);
    return scanned;
  }

  private vocabulary(): WorkspaceVocabulary {
    const version = this.index.vocabularyVersion;
    if (this.vocabularyCache?.version !== version) {
      this.vocabularyCache = { version, vocabulary: WorkspaceVocabulary.of(this.workspaceIndex) };
    }
    return this.vocabularyCache.vocabulary;
  }

  private scanOwnTerms(doc: TextDocument): ScannedNote {
    const vocabulary = this.vocabulary();
    const key = `${doc.version}:${this.vocabularyCache!.version}`;
    const cached = this.ownTermScans.get(doc.uri);
    if (cached?.key === key) {
      return cached.scanned;
    }
    const scanned = vocabulary.terms.length && !this.tooLarge(doc) ? scanNote(doc.getText(), vocabulary.matcher) : EMPTY_SCAN;
    this.ownTermScans.set(doc.uri, { key, scanned });
    return scanned;
  }

  /** Every indexed note's text, open notes as edited; requests get turns between disk reads. */
  private async forEachNoteText(visit: (uri: string, text: string) => void): Promise<void> {
    const turn = turns();
    for (const uri of [...this.index.uris()]) {
      const doc = this.pending.get(uri) ?? this.open.get(uri)?.doc;
      const text = doc ? doc.getText() : await this.read(uri);
      if (text !== undefined) {
        visit(uri, text);
      }
      await turn();
    }
  }

  /** The remark model of an open note at its current version. */
  model(doc: TextDocument): NoteModel {
    const cached = this.models.get(doc.uri);
    if (cached && cached.version === doc.version) {
      return cached.model;
    }
    return this.keepModel(doc.uri, doc.version, this.tooLarge(doc) ? EMPTY_MODEL : buildNoteModel(doc.getText(), cached?.model));
  }

  /**
   * `model` of an open note, giving pending requests turns between the sections remark parses;
   * undefined when the note changed or closed meanwhile (what was parsed then serves its next version).
   */
  private async modelPausing(doc: TextDocument): Promise<NoteModel | undefined> {
    const cached = this.models.get(doc.uri);
    if ((cached && cached.version === doc.version) || this.tooLarge(doc)) {
      return this.model(doc);
    }
    const version = doc.version;
    this.unparsed.tell(doc.uri, unparsableSections(doc.getText()));
    const model = await buildNoteModelPausing(doc.getText(), cached?.model, turns());
    const open = this.pending.has(doc.uri) || this.open.has(doc.uri);
    if (!open || this.models.get(doc.uri) !== cached) {
      return undefined;
    } // closed, or built by another request meanwhile
    this.keepModel(doc.uri, version, model);
    return doc.version === version ? model : undefined;
  }

  private keepModel(uri: string, version: number, model: NoteModel): NoteModel {
    this.unparsed.tell(uri, model.unparsed);
    this.models.set(uri, { version, model });
    return model;
  }

  diagnostics(doc: TextDocument, rules?: RuleSettings): Diagnostic[] {
    return this.diagnosticsOf(doc, this.model(doc), rules);
  }

  /**
   * `diagnostics` of an open note (see documentChanged), giving pending requests a turn while
   * remark parses it; undefined when the note changed or closed meanwhile.
   */
  async diagnosticsPausing(doc: TextDocument, rules?: RuleSettings): Promise<Diagnostic[] | undefined> {
    const model = await this.modelPausing(doc);
    return model && this.diagnosticsOf(doc, model, rules);
  }

  private diagnosticsOf(doc: TextDocument, model: NoteModel, rules?: RuleSettings): Diagnostic[] {
    let cache = this.diagnosticsCaches.get(doc.uri);
    if (!cache) {
      this.diagnosticsCaches.set(doc.uri, (cache = new DiagnosticsCache()));
    }
    const skippedBefore = cache.skippedBlocks;
    const diagnostics = computeDiagnostics(this.diagnosticsContext, doc.getText(), model, rules, cache);
    if (cache.skippedBlocks && cache.skippedBlocks !== skippedBefore) {
      this.options.logger.warn(
        `${doc.uri}: ${cache.skippedBlocks} paragraph(s) over ${MAX_CHECKED_CHARS / 1024} KB are not checked for outdated facts`,
      );
    }
    return diagnostics;
  }

  codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]) {
    return codeActions(this.locale, this.options.knowledge.facts, doc, diagnostics);
  }

  /** An open note over the size limit is left alone like one on disk (said once per note). */
  private tooLarge(doc: TextDocument): boolean {
    const limit = (this.options.limits ?? DEFAULT_LIMITS).maxFileBytes;
    const text = doc.getText();
    if (text.length <= limit / 4 || Buffer.byteLength(text) <= limit) {
      return false;
    }
    if (!this.toldTooLarge.has(doc.uri)) {
      this.options.logger.warn(`Skipped ${doc.uri}: ${tooLargeMessage(this.options.limits ?? DEFAULT_LIMITS)}`);
    }
    this.toldTooLarge.add(doc.uri);
    return true;
  }

  status(): Status {
    const index = this.index;
    return { files: index.size, terms: index.termCount, occurrences: index.occurrences, indexing: this.indexing };
  }

  hover = (doc: TextDocument, pos: Position) => hover(this.ctx, doc, pos);
  definition = (doc: TextDocument, pos: Position) => definition(this.ctx, doc, pos);
  references = (doc: TextDocument, pos: Position) => references(this.ctx, doc, pos);
  semanticTokens = (doc: TextDocument) => semanticTokens(this.ctx, doc);
  documentHighlights = (doc: TextDocument, pos: Position) => documentHighlights(this.ctx, doc, pos);
  documentSymbols = (doc: TextDocument) => documentSymbols(this.ctx, doc);
  workspaceSymbols = (query: string) => workspaceSymbols(this.ctx, query);
  completion = (doc: TextDocument, pos: Position) => completion(this.ctx, doc, pos);

  /**
   * Quiz questions for a scope. Each note's questions are kept per note version, so only notes
   * that changed are read and parsed again; requests get a turn between notes.
   */
  async quizItems(params: QuizItemsParams, rules?: RuleSettings): Promise<QuizItem[]> {
    const { knowledge, locale } = this.options;
    const ctx = { knowledge, locale, rules };
    const settingsKey = JSON.stringify([params.cardSeparator, params.reversedCardSeparator, rules]);
    const perNote: NoteQuestions[] = [];
    const turn = turns();
    for (const uri of this.notesFor(params.scope)) {
      const doc = this.pending.get(uri) ?? this.open.get(uri)?.doc;
      const disk = this.diskScans.get(uri);
      const key = `${settingsKey}:${doc ? `v${doc.version}` : disk ? `${disk.size}:${disk.mtime}` : ''}`;
      let cached = this.quizCache.get(uri);
      if (!cached || cached.key !== key || !(doc || disk)) {
        const note = await this.quizNote(uri, turn);
        if (!note) {
          continue;
        }
        cached = { key, questions: noteQuestions(note, ctx, params) };
        this.quizCache.set(uri, cached);
      }
      perNote.push(cached.questions);
      await turn();
    }
    return quizFromNotes(ctx, params.scope, perNote);
  }

  private notesFor(scope: QuizScope): string[] {
    const termIds = scopeTermIds(this.ctx.glossary, scope);
    if (termIds) {
      const entries = termIds.map((id) => this.ctx.glossary.entries.findIndex((e) => e.id === id));
      return [...new Set(entries.flatMap((entry) => this.index.notesMentioning(entry)))];
    }
    if (scope.kind === 'note') {
      return [scope.uri];
    }
    const folder = scope.kind === 'folder' ? scope.uri.replace(/\/?$/, '/') : '';
    return [...this.index.uris()].filter((uri) => uri.startsWith(folder));
  }

  /** An open note as the editor has it, or a note read from disk and parsed between `turn`s. */
  private async quizNote(uri: string, turn: () => Promise<void>): Promise<QuizNote | undefined> {
    const doc = this.pending.get(uri) ?? this.open.get(uri)?.doc;
    if (doc) {
      return { uri, text: doc.getText(), model: this.model(doc) };
    }
    const text = await this.read(uri);
    if (text === undefined) {
      return undefined;
    }
    this.unparsed.tell(uri, unparsableSections(text));
    return { uri, text, model: await buildNoteModelPausing(text, undefined, turn) };
  }

  /** Display names of glossary terms in the UI language. */
  termNames(termIds: readonly string[]): TermNames {
    const names: TermNames = {};
    for (const id of termIds) {
      const e = this.ctx.glossary.get(id);
      if (e) {
        names[id] = this.locale === 'ko' ? e.nameKo : e.shortName;
      }
    }
    return names;
  }

  /** Where the notes define a term, or else where they mention it (for related-service links). */
  termLocations(termId: string): TermLocations {
    const entry = this.ctx.glossary.entries.findIndex((e) => e.id === termId);
    if (entry < 0) {
      return { name: termId, locations: [] };
    }
    const defined = definitionsOf(this.ctx, entry);
    return { name: this.termNames([termId])[termId], locations: defined.length ? defined : mentionsOf(this.ctx, entry) };
  }

  private async read(uri: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await this.options.workspace.readNote(uri);
    } catch (e) {
      this.options.logger.warn(`Skipped ${uri}: ${(e as Error).message}`);
      return undefined;
    }
    const decoded = decodeNote(bytes, this.options.limits ?? DEFAULT_LIMITS);
    if ('skipped' in decoded) {
      this.options.logger.warn(`Skipped ${uri}: ${decoded.skipped}`);
      return undefined;
    }
    return decoded.text;
  }
}
