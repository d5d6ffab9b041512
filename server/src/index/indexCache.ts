// The index persisted between sessions, so a second start reads no unchanged note: per note its
// size, modification time and scan result. All notes' arrays are stored concatenated, so loading
// is a few large copies and per-note views rather than thousands of small objects.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ScannedNote } from '../scan/noteScanner';

/** Bump when the scanner's output changes for the same input. */
export const SCANNER_VERSION = 2;

export interface CachedNote {
  size: number;
  mtime: number;
  scanned: ScannedNote;
}

const ARRAYS = ['occurrences', 'definitions', 'headings'] as const;

interface CacheFile {
  key: string;
  uris: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  headingTexts: string[];
  /** Per array kind: everything concatenated, and where each note's part ends. */
  arrays: Record<(typeof ARRAYS)[number], { data: Int32Array; ends: Int32Array }>;
}

export async function loadIndexCache(file: string, key: string): Promise<Map<string, CachedNote>> {
  let data: CacheFile;
  try {
    data = v8.deserialize(await fs.readFile(file)) as CacheFile;
  } catch {
    return new Map(); // missing or unreadable: start cold
  }
  const notes = new Map<string, CachedNote>();
  if (data.key !== key) return notes;
  const views = (kind: (typeof ARRAYS)[number], i: number) => {
    const { data: all, ends } = data.arrays[kind];
    return all.subarray(i ? ends[i - 1] : 0, ends[i]);
  };
  data.uris.forEach((uri, i) => {
    notes.set(uri, {
      size: data.sizes[i],
      mtime: data.mtimes[i],
      scanned: { occurrences: views('occurrences', i), definitions: views('definitions', i), headings: views('headings', i), headingText: data.headingTexts[i] },
    });
  });
  return notes;
}

/** Atomic: a reader never sees half a file. */
export async function saveIndexCache(file: string, key: string, notes: Map<string, CachedNote>): Promise<void> {
  const entries = [...notes];
  const pack = (kind: (typeof ARRAYS)[number]) => {
    const ends = new Int32Array(entries.length);
    let total = 0;
    entries.forEach(([, n], i) => (ends[i] = total += n.scanned[kind].length));
    const data = new Int32Array(total);
    entries.forEach(([, n], i) => data.set(n.scanned[kind], i ? ends[i - 1] : 0));
    return { data, ends };
  };
  const content: CacheFile = {
    key,
    uris: entries.map(([uri]) => uri),
    sizes: Float64Array.from(entries, ([, n]) => n.size),
    mtimes: Float64Array.from(entries, ([, n]) => n.mtime),
    headingTexts: entries.map(([, n]) => n.scanned.headingText),
    arrays: { occurrences: pack('occurrences'), definitions: pack('definitions'), headings: pack('headings') },
  };
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, v8.serialize(content));
  await fs.rename(tmp, file);
}
