// The one owner of note text: what the editor has open and what is on disk. It decides what is a
// note the service reads (decodable, within the size limit), gives every note a version key that
// changes whenever its text may have, and tells per-note caches when to let go.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeNote, DEFAULT_LIMITS, tooLargeMessage, type DecodeLimits } from './decodeNote';
import type { Logger, Workspace } from './workspace';

export type NoteEvent = 'changed' | 'deleted';

export class NoteStore {
  private readonly editors = new Map<string, TextDocument>();
  /** Bumped whenever a note's text on disk may have changed, so disk versions never repeat. */
  private readonly diskGenerations = new Map<string, number>();
  private readonly listeners: ((uri: string, event: NoteEvent) => void)[] = [];
  private readonly toldTooLarge = new Set<string>();

  constructor(
    readonly workspace: Workspace,
    private readonly logger: Logger,
    private readonly limits: DecodeLimits = DEFAULT_LIMITS,
  ) {}

  /**
   * Called with `changed` when a note's text is no longer what it was (on disk, or the editor let it
   * go) and `deleted` when it is gone; editor edits need no event, their versions key the caches.
   */
  onDidChange(listener: (uri: string, event: NoteEvent) => void): void {
    this.listeners.push(listener);
  }

  /** The editor's text replaces the disk text while a note is open. */
  edited(doc: TextDocument): void {
    this.editors.set(doc.uri, doc);
  }

  closed(uri: string): void {
    this.editors.delete(uri);
    this.toldTooLarge.delete(uri);
    this.emit(uri, 'changed');
  }

  changedOnDisk(uri: string): void {
    this.diskGenerations.set(uri, (this.diskGenerations.get(uri) ?? 0) + 1);
    this.emit(uri, 'changed');
  }

  deleted(uri: string): void {
    this.editors.delete(uri);
    this.toldTooLarge.delete(uri);
    this.diskGenerations.set(uri, (this.diskGenerations.get(uri) ?? 0) + 1);
    this.emit(uri, 'deleted');
  }

  /** The editor's document of an open note. */
  editor(uri: string): TextDocument | undefined {
    return this.editors.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.editors.has(uri);
  }

  /** A key that changes whenever the note's text may have: the editor's version, or a disk generation. */
  version(uri: string): string {
    const doc = this.editors.get(uri);
    return doc ? `e${doc.version}` : `d${this.diskGenerations.get(uri) ?? 0}`;
  }

  /** The note's text as the editor has it, or as read from disk; undefined when it cannot be read. */
  async text(uri: string): Promise<string | undefined> {
    const doc = this.editors.get(uri);
    return doc ? doc.getText() : this.read(uri);
  }

  /** The note's text on disk, or undefined (said once in the log) when it is not a note we can read. */
  async read(uri: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await this.workspace.readNote(uri);
    } catch (e) {
      this.logger.warn(`Skipped ${uri}: ${(e as Error).message}`);
      return undefined;
    }
    const decoded = decodeNote(bytes, this.limits);
    if ('skipped' in decoded) {
      this.logger.warn(`Skipped ${uri}: ${decoded.skipped}`);
      return undefined;
    }
    return decoded.text;
  }

  /** An open note over the size limit is left alone like one on disk (said once per note). */
  tooLarge(doc: TextDocument): boolean {
    const limit = this.limits.maxFileBytes;
    const text = doc.getText();
    if (text.length <= limit / 4 || Buffer.byteLength(text) <= limit) {
      return false;
    }
    if (!this.toldTooLarge.has(doc.uri)) {
      this.logger.warn(`Skipped ${doc.uri}: ${tooLargeMessage(this.limits)}`);
      this.toldTooLarge.add(doc.uri);
    }
    return true;
  }

  private emit(uri: string, event: NoteEvent): void {
    for (const listener of this.listeners) {
      listener(uri, event);
    }
  }
}
