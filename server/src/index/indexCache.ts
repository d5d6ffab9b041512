// The index persisted between sessions, so a second start reads no unchanged note: per note its
// size, modification time and scan result, and the index's per-term statistics over them. Layout:
// a JSON header, then every note's arrays concatenated as raw little-endian int32s, then the
// statistics, so loading makes views on the file's bytes instead of copying them.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ScannedNote } from '../scan/noteScanner';

/** Bump when the scanner's output or this layout changes. */
export const SCANNER_VERSION = 10;

export interface CachedNote {
  size: number;
  mtime: number;
  scanned: ScannedNote;
}

export interface IndexCache {
  notes: Map<string, CachedNote>;
  /** WorkspaceIndex.statistics of the notes, in their order. */
  statistics: Int32Array;
}

const ARRAYS = ['occurrences', 'definitions', 'headings'] as const;
type ArrayKind = (typeof ARRAYS)[number];

interface Header {
  key: string;
  uris: string[];
  sizes: number[];
  mtimes: number[];
  headingTexts: string[];
  ownTerms: string[];
  /** Per array kind, where each note's part ends (in int32s). */
  ends: Record<ArrayKind, number[]>;
  statisticsLength: number;
  /** Of every int32 after the header: a damaged file is rebuilt, not trusted. */
  checksum: number;
}

/**
 * The cache, or undefined when it is missing, unreadable or of another layout or knowledge (start
 * cold); `damaged` hears of a file of the right kind whose contents do not add up.
 */
export async function loadIndexCache(
  file: string,
  key: string,
  damaged: (why: string) => void = () => {},
): Promise<IndexCache | undefined> {
  try {
    // Asynchronous: the read overlaps with listing the notes.
    const bytes = await fs.readFile(file);
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
    if (header.key !== key) {
      return undefined;
    }
    let offset = align4(4 + headerLength);
    const int32s = (count: number) => {
      const array = new Int32Array(bytes.buffer, bytes.byteOffset + offset, count);
      offset += count * 4;
      return array;
    };
    const arrays = {} as Record<ArrayKind, Int32Array>;
    for (const kind of ARRAYS) {
      arrays[kind] = int32s(header.ends[kind].at(-1) ?? 0);
    }
    const statistics = int32s(header.statisticsLength);
    const payload = new Int32Array(bytes.buffer, bytes.byteOffset + align4(4 + headerLength), (offset - align4(4 + headerLength)) / 4);
    if (checksum(payload) !== header.checksum) {
      damaged('its checksum does not match');
      return undefined;
    }
    const view = (kind: ArrayKind, i: number) => arrays[kind].subarray(i ? header.ends[kind][i - 1] : 0, header.ends[kind][i]);
    const notes = new Map<string, CachedNote>();
    header.uris.forEach((uri, i) => {
      const scanned = {
        occurrences: view('occurrences', i),
        definitions: view('definitions', i),
        headings: view('headings', i),
        headingText: header.headingTexts[i],
        ownTerms: header.ownTerms[i],
      };
      notes.set(uri, { size: header.sizes[i], mtime: header.mtimes[i], scanned });
    });
    return { notes, statistics };
  } catch {
    return undefined;
  }
}

/** Atomic: a reader never sees half a file. */
export async function saveIndexCache(file: string, key: string, { notes, statistics }: IndexCache): Promise<void> {
  const entries = [...notes];
  const ends = {} as Record<ArrayKind, number[]>;
  for (const kind of ARRAYS) {
    let total = 0;
    ends[kind] = entries.map(([, n]) => (total += n.scanned[kind].length));
  }
  const header: Header = {
    key,
    uris: entries.map(([uri]) => uri),
    sizes: entries.map(([, n]) => n.size),
    mtimes: entries.map(([, n]) => n.mtime),
    headingTexts: entries.map(([, n]) => n.scanned.headingText),
    ownTerms: entries.map(([, n]) => n.scanned.ownTerms),
    ends,
    statisticsLength: statistics.length,
    checksum: checksum(...ARRAYS.flatMap((kind) => entries.map(([, n]) => n.scanned[kind])), statistics),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align4(4 + json.length));
  prefix.writeUInt32LE(json.length, 0);
  json.copy(prefix, 4);
  const chunks: Uint8Array[] = [prefix];
  const bytesOf = (a: Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  for (const kind of ARRAYS) {
    for (const [, n] of entries) {
      chunks.push(bytesOf(n.scanned[kind]));
    }
  }
  chunks.push(bytesOf(statistics));
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, Buffer.concat(chunks));
  await fs.rename(tmp, file);
}

/** A rotate-and-xor hash of int32s, in order: cheap next to reading the file, and any changed value shows. */
function checksum(...arrays: Int32Array[]): number {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      h = Math.imul(h ^ a[i], 0x01000193);
    }
  }
  return h;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
