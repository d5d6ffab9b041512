// Keeps the workspace index current: reads and scans every note at start (except those the
// persisted cache holds unchanged), follows notes changing on disk, and scans open notes' edits
// when a request next needs the index (applyPendingEdits).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { scanNote, EMPTY_SCAN, type ScannedNote } from '../scan/noteScanner';
import type { TermMatcher } from '../terms/termMatcher';
import type { NoteStore } from '../workspace/noteStore';
import { NoteCache } from '../workspace/noteCache';
import type { Logger } from '../workspace/workspace';
import { turns } from '../async/turns';
import { WorkspaceIndex } from './workspaceIndex';
import { loadIndexCache, saveIndexCache, type CachedNote, type IndexCache } from './indexCache';

export type IndexProgress = (done: number, total: number) => void;

const READ_BATCH = 16;

export interface IndexerOptions {
  store: NoteStore;
  matcher: TermMatcher;
  logger: Logger;
  /** Where to persist the index between sessions (none: always start cold), and what makes it valid. */
  cacheFile?: string;
  cacheKey: string;
}

export class Indexer {
  /** Current once applyPendingEdits has run. */
  readonly index = new WorkspaceIndex();
  private readonly store: NoteStore;
  /** Open notes edited since they were last scanned. */
  private readonly pending = new Map<string, TextDocument>();
  /** Scans of open notes, per editor version. */
  private readonly editorScans: NoteCache<ScannedNote>;
  /** Scans of notes as they are on disk, with the size and time they were read at: what the cache keeps. */
  private readonly diskScans = new Map<string, CachedNote>();
  /** Until the first index of the workspace is complete, and again while it is being rebuilt. */
  private indexing = true;

  constructor(private readonly options: IndexerOptions) {
    this.store = options.store;
    this.editorScans = new NoteCache(options.store);
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  /**
   * Reads and scans every note, except those the persisted cache holds unchanged. Requests are
   * answered in between; open notes keep their editor text.
   */
  async indexWorkspace(onProgress?: IndexProgress): Promise<void> {
    this.indexing = true;
    try {
      const { cacheFile, cacheKey, logger } = this.options;
      const [files, cache] = await Promise.all([
        this.store.workspace.listNotes(),
        cacheFile
          ? loadIndexCache(cacheFile, cacheKey, (why) => logger.warn(`Index cache ${cacheFile} is damaged (${why}); rebuilding it`))
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
        const texts = await Promise.all(batch.map((f) => this.store.read(f.uri)));
        batch.forEach((f, k) => {
          const text = texts[k];
          if (text === undefined) {
            this.forgetDiskNote(f.uri);
          } else {
            this.fromDisk(f.uri, { size: f.size, mtime: f.mtime, scanned: scanNote(text, this.options.matcher) });
          }
        });
        onProgress?.(files.length - toRead.length + i + batch.length, files.length);
        await turn();
      }
      if (cacheFile && (toRead.length || gone.length || !cache)) {
        await saveIndexCache(cacheFile, cacheKey, { notes: this.diskScans, statistics: this.diskStatistics() }).catch((e) =>
          logger.warn(`Could not save the index cache: ${(e as Error).message}`),
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
        this.index.restore(notes, cache.statistics);
        return;
      } catch (e) {
        this.options.logger.warn(`Index cache: ${(e as Error).message}; rebuilding its statistics`);
      }
    }
    for (const [uri, scanned] of notes) {
      if (!stale.has(uri) && !this.store.isOpen(uri)) {
        this.index.set(uri, scanned);
      }
    }
  }

  /** The statistics of the notes as on disk: the index's own unless it holds an editor's text or other notes. */
  private diskStatistics(): Int32Array {
    const live = this.index;
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
    if (!this.store.isOpen(uri)) {
      this.index.set(uri, note.scanned);
    }
  }

  /** A note no longer on disk, or no longer readable, leaves the index unless it is open. */
  private forgetDiskNote(uri: string): void {
    this.diskScans.delete(uri);
    if (!this.store.isOpen(uri)) {
      this.index.delete(uri);
    }
  }

  /** A note changed or appeared on disk, or was closed: the index takes its disk text unless it is open. */
  async noteChanged(uri: string): Promise<void> {
    this.diskScans.delete(uri);
    if (this.store.isOpen(uri)) {
      return;
    }
    const text = await this.store.read(uri);
    if (text === undefined) {
      this.index.delete(uri);
    } else if (!this.store.isOpen(uri)) {
      this.index.set(uri, scanNote(text, this.options.matcher));
    }
  }

  noteDeleted(uri: string): void {
    this.pending.delete(uri);
    this.diskScans.delete(uri);
    this.index.delete(uri);
  }

  /** An open note's edit: scanned into the index when a request next needs it. */
  edited(doc: TextDocument): void {
    this.pending.set(doc.uri, doc);
  }

  closed(uri: string): void {
    this.pending.delete(uri);
  }

  /** Scans the open notes edited since the last request, so that the index is current. */
  applyPendingEdits(): WorkspaceIndex {
    for (const doc of this.pending.values()) {
      this.scan(doc);
    }
    return this.index;
  }

  /** An open note's scan at its current version, which the index then holds. */
  scan(doc: TextDocument): ScannedNote {
    this.pending.delete(doc.uri);
    return this.editorScans.get(doc.uri, `${doc.version}`, () => {
      const scanned = this.store.tooLarge(doc) ? EMPTY_SCAN : scanNote(doc.getText(), this.options.matcher);
      this.index.set(doc.uri, scanned);
      return scanned;
    });
  }
}
