// Turns a note's bytes into text, or says in one line why it is skipped (binary, not UTF-8, too large).
import { isUtf8 } from 'node:buffer';

export interface DecodeLimits {
  maxFileBytes: number;
  /** What raises the limit where it is set: the editor's setting unless said otherwise (the CLI names its flag). */
  raiseWith?: string;
}

export const DEFAULT_LIMITS: DecodeLimits = { maxFileBytes: 5 * 1024 * 1024 };

/** Why a note over the size limit is skipped, naming what raises the limit. */
export function tooLargeMessage(limits: DecodeLimits, bytes?: number): string {
  const size = bytes === undefined ? '' : ` (${(bytes / 1024 / 1024).toFixed(1)} MB)`;
  return `larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB${size}; raise ${limits.raiseWith ?? 'cloudNotes.maxFileSizeMB'} to use it`;
}

export type Decoded = { text: string } | { skipped: string };

export function decodeNote(bytes: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS): Decoded {
  if (bytes.length > limits.maxFileBytes) {
    return { skipped: tooLargeMessage(limits, bytes.length) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { skipped: 'UTF-16 text is not supported; save it as UTF-8 to index it' };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { skipped: 'binary file (contains NUL bytes)' };
  }
  if (!isUtf8(bytes)) {
    return { skipped: 'not valid UTF-8; save it as UTF-8 to index it' };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
