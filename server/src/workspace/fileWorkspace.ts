// The Workspace of a real file system: every *.md file below some folders, minus exclusions.
import { promises as fs, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { NoteFile, Workspace } from './workspace';

/** Folders never worth walking into. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.cloud-notes']);

export class FileWorkspace implements Workspace {
  private readonly excluded: (relativePath: string) => boolean;
  /** The roots with their links resolved: what a note's real path must be below. */
  private readonly realRoots: readonly string[];
  /** Real paths of the folders notes were read from: resolving every note's path would cost a stat per folder level. */
  private readonly realFolders = new Map<string, string>();

  constructor(
    private readonly roots: readonly string[],
    exclude: readonly string[] = [],
  ) {
    this.excluded = exclude.length ? picomatch(exclude as string[], { dot: true }) : () => false;
    this.realRoots = roots.map(realOrSelf);
  }

  /** Whether a note path falls under a root and is not excluded (for file events). */
  includes(filePath: string): boolean {
    if (!filePath.toLowerCase().endsWith('.md')) {
      return false;
    }
    return this.roots.some((root) => {
      const rel = path.relative(root, filePath);
      return (
        !rel.startsWith('..') &&
        !path.isAbsolute(rel) &&
        !rel.split(path.sep).some((p) => ALWAYS_SKIPPED.has(p)) &&
        !this.excluded(toPosix(rel))
      );
    });
  }

  async listNotes(): Promise<NoteFile[]> {
    const notes: NoteFile[] = [];
    for (const root of this.roots) {
      await this.walk(root, '', notes);
    }
    return notes;
  }

  /**
   * Only a regular file whose real path lies below a root is a note: a link out of the folders, a FIFO
   * or a device (which would block or never end), another scheme (`untitled:`) are refused.
   * Synchronous on purpose: notes are small, and a thread-pool round trip per file costs more than the read.
   */
  async readNote(uri: string): Promise<Uint8Array> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') {
      throw new Error(`not a file on disk (${parsed.scheme}:)`);
    }
    const file = parsed.fsPath;
    const link = lstatSync(file);
    const real = link.isSymbolicLink() ? realpathSync(file) : path.join(this.realFolder(path.dirname(file)), path.basename(file));
    if (!this.realRoots.some((root) => isBelow(root, real))) {
      throw new Error('outside the workspace folders');
    }
    if (!(link.isSymbolicLink() ? statSync(real) : link).isFile()) {
      throw new Error('not a regular file');
    }
    return readFileSync(real);
  }

  private realFolder(folder: string): string {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      this.realFolders.set(folder, (real = realpathSync(folder)));
    }
    return real;
  }

  /** `rel` is the folder's path below its root, POSIX style ('' for the root). */
  private async walk(dir: string, rel: string, out: NoteFile[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to index there
    }
    const notes: string[] = [];
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name) && !this.excluded(relPath) && !this.excluded(relPath + '/')) {
          await this.walk(full, relPath, out);
        }
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.md') && !this.excluded(relPath)) {
        notes.push(full);
      }
    }
    // Synchronous stats: a few microseconds each, where a thread-pool round trip costs more.
    for (const full of notes) {
      const stat = statSync(full, { throwIfNoEntry: false });
      if (stat) {
        out.push({ uri: URI.file(full).toString(), size: stat.size, mtime: stat.mtimeMs });
      }
    }
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function isBelow(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
