// One value per note, computed when first asked for and kept while the key it was computed for
// (the note's version, plus whatever else it depends on) stays the same; a new value is computed
// from the previous one, so an edit can reuse what it did not touch. The store's events drop what a
// note no longer needs, in the manner of vscode-markdown-languageservice's workspace cache.
import type { NoteStore } from './noteStore';

export class NoteCache<T> {
  private readonly entries = new Map<string, { key: string; value: T }>();
  /** Per note, how often the store dropped its value: work that began before a drop keeps nothing. */
  private readonly drops = new Map<string, number>();

  constructor(store: NoteStore) {
    store.onDidChange((uri) => {
      this.entries.delete(uri);
      this.drops.set(uri, (this.drops.get(uri) ?? 0) + 1);
    });
  }

  /** The value for `key`, computed from the previous one (if any) when the key changed. */
  get(uri: string, key: string, compute: (previous: T | undefined) => T): T {
    const entry = this.entries.get(uri);
    if (entry?.key === key) {
      return entry.value;
    }
    const value = compute(entry?.value);
    this.entries.set(uri, { key, value });
    return value;
  }

  /** The value kept for `key`, if any. */
  lookup(uri: string, key: string): T | undefined {
    const entry = this.entries.get(uri);
    return entry?.key === key ? entry.value : undefined;
  }

  set(uri: string, key: string, value: T): void {
    this.entries.set(uri, { key, value });
  }

  /**
   * `get` for work that gives requests turns. Undefined when the note's key changed meanwhile; what
   * was computed is kept all the same unless the note was dropped or another value took its place.
   */
  async getAsync(uri: string, key: () => string, compute: (previous: T | undefined) => Promise<T>): Promise<T | undefined> {
    const started = key();
    const entry = this.entries.get(uri);
    if (entry?.key === started) {
      return entry.value;
    }
    const drops = this.drops.get(uri);
    const value = await compute(entry?.value);
    if (this.drops.get(uri) !== drops || this.entries.get(uri) !== entry) {
      return undefined;
    }
    this.entries.set(uri, { key: started, value });
    return key() === started ? value : undefined;
  }
}
