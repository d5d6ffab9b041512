// The remark models of open notes, one per editor version. A new version's model reuses the
// sections of the previous one that did not change.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildNoteModel, buildNoteModelPausing, EMPTY_MODEL, type NoteModel } from './noteModel';
import type { NoteStore } from '../workspace/noteStore';
import { NoteCache } from '../workspace/noteCache';
import type { Logger } from '../workspace/workspace';
import type { Turn } from '../async/turns';

export class NoteModels {
  private readonly cache: NoteCache<NoteModel>;
  /** Per note: how many sections remark was last said not to read. */
  private readonly toldUnparsed = new Map<string, number>();

  constructor(
    private readonly store: NoteStore,
    private readonly logger: Logger,
  ) {
    this.cache = new NoteCache(store);
    store.onDidChange((uri) => this.toldUnparsed.delete(uri));
  }

  /** The model of an open note at its current version. */
  model(doc: TextDocument): NoteModel {
    return this.cache.get(doc.uri, `${doc.version}`, (previous) => {
      const model = this.store.tooLarge(doc) ? EMPTY_MODEL : buildNoteModel(doc.getText(), previous);
      this.tellUnparsed(doc.uri, model.unparsed);
      return model;
    });
  }

  /**
   * `model`, giving pending requests turns between the sections remark parses; undefined when the
   * note changed or closed meanwhile (what was parsed then serves its next version).
   */
  async modelPausing(doc: TextDocument, turn: Turn): Promise<NoteModel | undefined> {
    if (this.store.tooLarge(doc)) {
      return this.model(doc);
    }
    const text = doc.getText();
    return this.cache.getAsync(
      doc.uri,
      () => `${doc.version}`,
      (previous) => this.parsePausing(doc.uri, text, turn, previous),
    );
  }

  /** The model of a note's text (one not open, say), saying first which sections remark will not read. */
  parsePausing(uri: string, text: string, turn: Turn, previous?: NoteModel): Promise<NoteModel> {
    return buildNoteModelPausing(text, previous, turn, (unparsed) => this.tellUnparsed(uri, unparsed));
  }

  /** Says (before parsing where it can, once per count) that sections of a note are left unparsed. */
  private tellUnparsed(uri: string, unparsed: number): void {
    if (unparsed && unparsed !== this.toldUnparsed.get(uri)) {
      this.logger.warn(
        `${uri}: ${unparsed} section(s) too large or too deeply nested to read as Markdown; outdated-fact checks and quiz questions skip them`,
      );
    }
    this.toldUnparsed.set(uri, unparsed);
  }
}
