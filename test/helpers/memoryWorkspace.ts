// An in-memory Workspace for tests; counts reads so tests can see what the service touches.
import type { NoteFile, Workspace } from '../../server/src/workspace/workspace';

export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, Uint8Array>();
  private readonly mtimes = new Map<string, number>();
  private clock = 0;
  reads = 0;

  constructor(notes: Record<string, string | Uint8Array> = {}) {
    for (const [uri, content] of Object.entries(notes)) {
      this.set(uri, content);
    }
  }

  set(uri: string, content: string | Uint8Array): void {
    this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mtimes.set(uri, ++this.clock);
  }

  async listNotes(): Promise<NoteFile[]> {
    return [...this.files].map(([uri, bytes]) => ({ uri, size: bytes.length, mtime: this.mtimes.get(uri)! }));
  }

  async readNote(uri: string): Promise<Uint8Array> {
    this.reads++;
    const bytes = this.files.get(uri);
    if (!bytes) {
      throw new Error(`no such note: ${uri}`);
    }
    return bytes;
  }
}
