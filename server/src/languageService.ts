// The transport-free language service: it owns the index and the open notes and answers every
// feature request. server.ts wires LSP to it; tests and the CLI call it directly.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { Knowledge } from './knowledge/loadKnowledge';
import type { Locale } from './knowledge/glossary';
import { scanNote, type ScannedNote } from './scan/noteScanner';
import { WorkspaceIndex } from './index/workspaceIndex';
import { decodeNote, DEFAULT_LIMITS, type DecodeLimits } from './workspace/decodeNote';
import type { Logger, Workspace } from './workspace/workspace';
import type { FeatureContext } from './features/context';
import { hover } from './features/hover';
import { definition, definitionsOf } from './features/definition';
import { references, mentionsOf } from './features/references';
import { documentHighlights } from './features/highlights';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { completion } from './features/completion';
import { computeDiagnostics, type RuleSettings } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { buildNoteModel, type NoteModel } from './parse/noteModel';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Status } from './protocol';

export interface LanguageServiceOptions {
  workspace: Workspace;
  knowledge: Knowledge;
  locale: Locale;
  logger: Logger;
  limits?: DecodeLimits;
}

export type IndexProgress = (done: number, total: number) => void;

/** Give pending requests a turn this often while indexing. */
const YIELD_EVERY_MS = 8;
const READ_BATCH = 16;

export class LanguageService {
  readonly index = new WorkspaceIndex();
  private readonly open = new Map<string, { version: number; scanned: ScannedNote }>();
  private readonly models = new Map<string, { version: number; model: NoteModel }>();
  private readonly ctx: FeatureContext;
  private readonly diagnosticsContext;
  private indexing = false;

  constructor(private readonly options: LanguageServiceOptions) {
    const { glossary, matcher } = options.knowledge;
    this.ctx = { glossary, matcher, index: this.index, locale: options.locale, scan: (doc) => this.scan(doc) };
    const { facts, typos } = options.knowledge;
    this.diagnosticsContext = { locale: options.locale, matcher, facts, typos, glossaryIds: glossary.entries.map((e) => e.id) };
  }

  get locale(): Locale {
    return this.options.locale;
  }

  /** Reads and scans every note. Requests are answered in between; open notes keep their editor text. */
  async indexWorkspace(onProgress?: IndexProgress): Promise<void> {
    this.indexing = true;
    try {
      const files = await this.options.workspace.listNotes();
      let lastYield = Date.now();
      for (let i = 0; i < files.length; i += READ_BATCH) {
        const batch = files.slice(i, i + READ_BATCH);
        const texts = await Promise.all(batch.map((f) => this.read(f.uri)));
        batch.forEach((f, k) => {
          const text = texts[k];
          if (text !== undefined && !this.open.has(f.uri)) this.index.set(f.uri, scanNote(text, this.ctx.matcher));
        });
        onProgress?.(Math.min(i + READ_BATCH, files.length), files.length);
        if (Date.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
      }
    } finally {
      this.indexing = false;
    }
  }

  /** A note changed or appeared on disk. */
  async noteChanged(uri: string): Promise<void> {
    if (this.open.has(uri)) return;
    const text = await this.read(uri);
    if (text === undefined) this.index.delete(uri);
    else if (!this.open.has(uri)) this.index.set(uri, scanNote(text, this.ctx.matcher));
  }

  noteDeleted(uri: string): void {
    this.open.delete(uri);
    this.models.delete(uri);
    this.index.delete(uri);
  }

  /** The editor's text replaces the disk text while a note is open. */
  documentChanged(doc: TextDocument): void {
    this.scan(doc);
  }

  async documentClosed(uri: string): Promise<void> {
    this.open.delete(uri);
    this.models.delete(uri);
    await this.noteChanged(uri);
  }

  scan(doc: TextDocument): ScannedNote {
    const cached = this.open.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.scanned;
    const scanned = scanNote(doc.getText(), this.ctx.matcher);
    this.open.set(doc.uri, { version: doc.version, scanned });
    this.index.set(doc.uri, scanned);
    return scanned;
  }

  /** The remark model of an open note at its current version. */
  model(doc: TextDocument): NoteModel {
    const cached = this.models.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    const model = buildNoteModel(doc.getText());
    this.models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  diagnostics(doc: TextDocument, rules?: RuleSettings): Diagnostic[] {
    return computeDiagnostics(this.diagnosticsContext, doc.getText(), this.model(doc), rules);
  }

  codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]) {
    return codeActions(this.locale, this.options.knowledge.facts, doc, diagnostics);
  }

  status(): Status {
    return { files: this.index.size, terms: this.index.termCount, occurrences: this.index.occurrences, indexing: this.indexing };
  }

  hover = (doc: TextDocument, pos: Position) => hover(this.ctx, doc, pos);
  definition = (doc: TextDocument, pos: Position) => definition(this.ctx, doc, pos);
  references = (doc: TextDocument, pos: Position) => references(this.ctx, doc, pos);
  documentHighlights = (doc: TextDocument, pos: Position) => documentHighlights(this.ctx, doc, pos);
  documentSymbols = (doc: TextDocument) => documentSymbols(this.ctx, doc);
  workspaceSymbols = (query: string) => workspaceSymbols(this.ctx, query);
  completion = (doc: TextDocument, pos: Position) => completion(this.ctx, doc, pos);

  /** Where the notes define a term, or else where they mention it (for related-service links). */
  termLocations(termId: string) {
    const entry = this.ctx.glossary.entries.findIndex((e) => e.id === termId);
    if (entry < 0) return [];
    const defined = definitionsOf(this.ctx, entry);
    return defined.length ? defined : mentionsOf(this.ctx, entry);
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
