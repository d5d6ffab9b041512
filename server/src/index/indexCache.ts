// The index persisted between sessions, so a second start reads no unchanged note: per note its
// size, modification time and scan result, serialized with v8 (typed arrays stay binary). The key
// changes with the glossary and the scanner, and a cache that does not match is ignored.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ScannedNote } from '../scan/noteScanner';

/** Bump when the scanner's output changes for the same input. */
export const SCANNER_VERSION = 1;

export interface CachedNote {
  size: number;
  mtime: number;
  scanned: ScannedNote;
}

interface CacheFile {
  key: string;
  notes: [string, CachedNote][];
}

export async function loadIndexCache(file: string, key: string): Promise<Map<string, CachedNote>> {
  try {
    const data = v8.deserialize(await fs.readFile(file)) as CacheFile;
    return data.key === key ? new Map(data.notes) : new Map();
  } catch {
    return new Map(); // missing or unreadable: start cold
  }
}

/** Atomic: a reader never sees half a file. */
export async function saveIndexCache(file: string, key: string, notes: Map<string, CachedNote>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, v8.serialize({ key, notes: [...notes] } satisfies CacheFile));
  await fs.rename(tmp, file);
}
