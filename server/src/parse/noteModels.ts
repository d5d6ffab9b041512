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

  constructor(
    private readonly store: NoteStore,
    private readonly logger: Logger,
  ) {
    this.cache = new NoteCache(store);
  }

  /** The model of an open note at its current version. */
  model(doc: TextDocument): NoteModel {
    return this.cache.get(doc.uri, `${doc.version}`, (previous) =>
      this.told(doc.uri, previous, this.store.tooLarge(doc) ? EMPTY_MODEL : buildNoteModel(doc.getText(), previous)),
    );
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
      async (previous) => this.told(doc.uri, previous, await buildNoteModelPausing(text, previous, turn)),
    );
  }

  /** Says once per change which sections remark could not read. */
  private told(uri: string, previous: NoteModel | undefined, model: NoteModel): NoteModel {
    if (model.unparsed && model.unparsed !== previous?.unparsed) {
      this.logger.warn(
        `${uri}: ${model.unparsed} section(s) too large or too deeply nested to read as Markdown; outdated-fact checks and quiz questions skip them`,
      );
    }
    return model;
  }
}
