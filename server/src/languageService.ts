// The transport-free language service: a list of features over the notes. The store owns note
// text, the indexer keeps the workspace index current, and per-note caches keep what features
// compute from one note. server.ts wires LSP to it; tests and the CLI call it directly.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Knowledge } from './knowledge/loadKnowledge';
import type { Locale } from './knowledge/glossary';
import { scanNote, EMPTY_SCAN, type ScannedNote } from './scan/noteScanner';
import { DEFAULT_LIMITS, type DecodeLimits } from './workspace/decodeNote';
import type { Logger, Workspace } from './workspace/workspace';
import { NoteStore } from './workspace/noteStore';
import { NoteCache } from './workspace/noteCache';
import { Indexer, type IndexProgress } from './index/indexer';
import { NoteModels } from './parse/noteModels';
import type { NoteModel } from './parse/noteModel';
import { WorkspaceVocabulary } from './vocabulary/workspaceVocabulary';
import { turns, type Cancellation, type Turn } from './async/turns';
import type { FeatureContext } from './features/context';
import { hover } from './features/hover';
import { definition, definitionsOf } from './features/definition';
import { references, mentionsOf } from './features/references';
import { documentHighlights } from './features/highlights';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { completion } from './features/completion';
import { semanticTokens } from './features/semanticTokens';
import {
  computeFindings,
  diagnosticsContext,
  DiagnosticsCache,
  MAX_CHECKED_CHARS,
  type DiagnosticsContext,
  type Finding,
  type FindingFix,
  type RuleSettings,
} from './features/diagnostics';
import { quickFixes } from './features/codeActions';
import { quizItems, quizSummary, type NoteQuestions, type QuizServices } from './features/quizItems';
import { servicesOverview } from './features/servicesOverview';
import type {
  QuizItem,
  QuizItemsParams,
  QuizSummary,
  QuizSummaryParams,
  ServicesOverview,
  Status,
  TermLocations,
  TermNames,
} from './protocol';

export type { IndexProgress } from './index/indexer';

export interface LanguageServiceOptions {
  workspace: Workspace;
  knowledge: Knowledge;
  locale: Locale;
  logger: Logger;
  limits?: DecodeLimits;
  /** Where to persist the index between sessions (none: always start cold). */
  cacheFile?: string;
}

export class LanguageService {
  private readonly store: NoteStore;
  private readonly indexer: Indexer;
  private readonly models: NoteModels;
  /** Per open note: the findings of its blocks, so an edit re-checks only what changed. */
  private readonly diagnosticsCaches: NoteCache<DiagnosticsCache>;
  /** Open notes scanned for the workspace vocabulary, per note version and vocabulary version. */
  private readonly ownTermScans: NoteCache<ScannedNote>;
  private readonly quizQuestions: NoteCache<NoteQuestions>;
  /** Per note: the facts behind its outdated claims, keyed by the rules and note version they were found with. */
  private readonly staleFacts: NoteCache<string[]>;
  private vocabularyCache?: { version: number; vocabulary: WorkspaceVocabulary };
  private readonly ctx: FeatureContext;
  private readonly diagnosticsContext: DiagnosticsContext;

  constructor(private readonly options: LanguageServiceOptions) {
    const { knowledge, logger } = options;
    this.store = new NoteStore(options.workspace, logger, options.limits ?? DEFAULT_LIMITS);
    this.indexer = new Indexer({
      store: this.store,
      matcher: knowledge.matcher,
      logger,
      cacheFile: options.cacheFile,
      cacheKey: knowledge.fingerprint,
    });
    this.models = new NoteModels(this.store, logger);
    this.diagnosticsCaches = new NoteCache(this.store);
    this.ownTermScans = new NoteCache(this.store);
    this.quizQuestions = new NoteCache(this.store);
    this.staleFacts = new NoteCache(this.store);
    this.ctx = {
      glossary: knowledge.glossary,
      matcher: knowledge.matcher,
      index: this.indexer.index,
      locale: options.locale,
      scan: (doc) => this.indexer.scan(doc),
      vocabulary: () => this.vocabulary(),
      scanOwnTerms: (doc) => this.scanOwnTerms(doc),
      forEachNoteText: (visit, token) => this.forEachNoteText(visit, token),
    };
    this.diagnosticsContext = diagnosticsContext(knowledge, options.locale);
  }

  get locale(): Locale {
    return this.options.locale;
  }

  // Notes coming and going.

  indexWorkspace(onProgress?: IndexProgress): Promise<void> {
    return this.indexer.indexWorkspace(onProgress);
  }

  /** The editor's text replaces the disk text while a note is open (scanned when next needed). */
  documentChanged(doc: TextDocument): void {
    this.store.edited(doc);
    this.indexer.edited(doc);
  }

  async documentClosed(uri: string): Promise<void> {
    this.store.closed(uri);
    this.indexer.closed(uri);
    await this.indexer.noteChanged(uri);
  }

  /** A note changed or appeared on disk. */
  async noteChanged(uri: string): Promise<void> {
    this.store.changedOnDisk(uri);
    await this.indexer.noteChanged(uri);
  }

  noteDeleted(uri: string): void {
    this.store.deleted(uri);
    this.indexer.noteDeleted(uri);
  }

  /** Every request first brings the index up to date with the editor's unscanned edits. */
  private current(): FeatureContext {
    this.indexer.applyPendingEdits();
    return this.ctx;
  }

  // Features.

  hover = (doc: TextDocument, pos: Position) => hover(this.current(), doc, pos);
  definition = (doc: TextDocument, pos: Position) => definition(this.current(), doc, pos);
  references = (doc: TextDocument, pos: Position, token?: Cancellation) => references(this.current(), doc, pos, token);
  documentHighlights = (doc: TextDocument, pos: Position) => documentHighlights(this.current(), doc, pos);
  documentSymbols = (doc: TextDocument) => documentSymbols(this.current(), doc);
  workspaceSymbols = (query: string) => workspaceSymbols(this.current(), query);
  completion = (doc: TextDocument, pos: Position) => completion(this.current(), doc, pos);
  semanticTokens = (doc: TextDocument) => semanticTokens(this.current(), doc);
  quickFixes = (doc: TextDocument, finding: FindingFix & { range: Range }) =>
    quickFixes(this.locale, this.options.knowledge.facts, doc, finding);

  /** An open note's scan at its current version (the index holds it from now on). */
  scan(doc: TextDocument): ScannedNote {
    return this.indexer.scan(doc);
  }

  /** The remark model of an open note at its current version. */
  model(doc: TextDocument): NoteModel {
    return this.models.model(doc);
  }

  diagnostics(doc: TextDocument, rules?: RuleSettings): Finding[] {
    return this.diagnosticsOf(doc, this.models.model(doc), rules);
  }

  /**
   * `diagnostics` of an open note, giving pending requests turns while remark parses it;
   * undefined when the note changed or closed meanwhile.
   */
  async diagnosticsPausing(doc: TextDocument, rules?: RuleSettings, token?: Cancellation): Promise<Finding[] | undefined> {
    const model = await this.models.modelPausing(doc, turns(token));
    return model && this.diagnosticsOf(doc, model, rules);
  }

  private diagnosticsOf(doc: TextDocument, model: NoteModel, rules?: RuleSettings): Finding[] {
    const cache = this.diagnosticsCaches.get(doc.uri, 'open', (previous) => previous ?? new DiagnosticsCache());
    const skippedBefore = cache.skippedBlocks;
    const findings = computeFindings(this.diagnosticsContext, doc.getText(), model, rules, cache);
    if (cache.skippedBlocks && cache.skippedBlocks !== skippedBefore) {
      this.options.logger.warn(
        `${doc.uri}: ${cache.skippedBlocks} paragraph(s) over ${MAX_CHECKED_CHARS / 1024} KB are not checked for outdated facts`,
      );
    }
    return findings;
  }

  /** Quiz questions for a scope; see features/quizItems.ts. */
  quizItems(params: QuizItemsParams, rules?: RuleSettings, token?: Cancellation): Promise<QuizItem[]> {
    return quizItems(this.quizServices(rules), params, token);
  }

  quizSummary(params: QuizSummaryParams, rules?: RuleSettings, token?: Cancellation): Promise<QuizSummary> {
    return quizSummary(this.quizServices(rules), params, token);
  }

  private quizServices(rules: RuleSettings | undefined): QuizServices {
    const { knowledge, locale } = this.options;
    const { index } = this.current();
    return {
      knowledge,
      locale,
      rules,
      checker: this.diagnosticsContext,
      openFindings: (doc, model) => this.diagnosticsOf(doc, model, rules),
      index,
      store: this.store,
      models: this.models,
      questions: this.quizQuestions,
    };
  }

  /** What the notes mention, by category; with `staleClaims`, their outdated claims counted too. */
  async servicesOverview(staleClaims: boolean, rules?: RuleSettings, token?: Cancellation): Promise<ServicesOverview> {
    const { glossary, index, locale } = this.current();
    const staleFactIds = staleClaims ? await this.staleFactIds(rules, token) : undefined;
    return servicesOverview({ glossary, index, facts: this.options.knowledge.facts, locale, staleFactIds });
  }

  /** The facts behind every outdated claim in the notes; each note is checked once per version and rules. */
  private async staleFactIds(rules: RuleSettings | undefined, token?: Cancellation): Promise<string[]> {
    const rulesKey = JSON.stringify(rules ?? {});
    const found: string[] = [];
    const turn = turns(token);
    for (const uri of [...this.indexer.index.uris()]) {
      const key = `${rulesKey}:${this.store.version(uri)}`;
      let ids = this.staleFacts.lookup(uri, key);
      if (!ids) {
        const findings = await this.noteFindings(uri, rules, turn);
        this.staleFacts.set(uri, key, (ids = findings.flatMap((f) => (f.kind === 'fact' ? [f.ruleId] : []))));
      }
      found.push(...ids);
      await turn();
    }
    return found;
  }

  /** A note's findings: an open one's from its diagnostics cache, one on disk read and checked. */
  private async noteFindings(uri: string, rules: RuleSettings | undefined, turn: Turn): Promise<Finding[]> {
    const doc = this.store.editor(uri);
    if (doc) {
      return this.diagnosticsOf(doc, this.models.model(doc), rules);
    }
    const text = await this.store.read(uri);
    return text === undefined ? [] : computeFindings(this.diagnosticsContext, text, await this.models.parsePausing(uri, text, turn), rules);
  }

  status(): Status {
    const index = this.current().index;
    return { files: index.size, terms: index.termCount, occurrences: index.occurrences, indexing: this.indexer.isIndexing };
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

  /** Where the notes define a term, or else (or with `mentions`) where they mention it. */
  termLocations(termId: string, mentions = false): TermLocations {
    const ctx = this.current();
    const entry = ctx.glossary.indexOf(termId);
    if (entry < 0) {
      return { name: termId, locations: [] };
    }
    const defined = mentions ? [] : definitionsOf(ctx, entry);
    return { name: this.termNames([termId])[termId], locations: defined.length ? defined : mentionsOf(ctx, entry) };
  }

  // What the features read.

  private vocabulary(): WorkspaceVocabulary {
    const version = this.indexer.index.vocabularyVersion;
    if (this.vocabularyCache?.version !== version) {
      this.vocabularyCache = { version, vocabulary: WorkspaceVocabulary.of(this.indexer.index) };
    }
    return this.vocabularyCache.vocabulary;
  }

  private scanOwnTerms(doc: TextDocument): ScannedNote {
    const vocabulary = this.vocabulary();
    return this.ownTermScans.get(doc.uri, `${doc.version}:${this.vocabularyCache!.version}`, () =>
      vocabulary.terms.length && !this.store.tooLarge(doc) ? scanNote(doc.getText(), vocabulary.matcher) : EMPTY_SCAN,
    );
  }

  /** Every indexed note's text, open notes as edited; requests get turns between disk reads. */
  private async forEachNoteText(visit: (uri: string, text: string) => void, token?: Cancellation): Promise<void> {
    const turn = turns(token);
    for (const uri of [...this.indexer.index.uris()]) {
      const text = await this.store.text(uri);
      if (text !== undefined) {
        visit(uri, text);
      }
      await turn();
    }
  }
}
