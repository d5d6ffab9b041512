// What the language service needs from its host: the notes that exist and their bytes.
// The LSP server implements it over the file system; tests implement it in memory.

export interface NoteFile {
  uri: string;
  size: number;
  /** Modification time in ms; with the size it keys the persisted index cache. */
  mtime: number;
}

export interface Workspace {
  /** Every Markdown note of every workspace folder, exclusions already applied. */
  listNotes(): Promise<NoteFile[]>;
  readNote(uri: string): Promise<Uint8Array>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}
