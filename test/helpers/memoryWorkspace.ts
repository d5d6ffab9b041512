// An in-memory Workspace for tests; counts reads so tests can see what the service touches.
import type { NoteFile, Workspace } from '../../server/src/workspace/workspace';

export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, Uint8Array>();
  reads = 0;

  constructor(notes: Record<string, string | Uint8Array> = {}) {
    for (const [uri, content] of Object.entries(notes)) this.set(uri, content);
  }

  set(uri: string, content: string | Uint8Array): void {
    this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  async listNotes(): Promise<NoteFile[]> {
    return [...this.files].map(([uri, bytes]) => ({ uri, size: bytes.length, mtime: 0 }));
  }

  async readNote(uri: string): Promise<Uint8Array> {
    this.reads++;
    const bytes = this.files.get(uri);
    if (!bytes) throw new Error(`no such note: ${uri}`);
    return bytes;
  }
}
