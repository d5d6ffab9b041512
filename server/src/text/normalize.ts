// Unicode NFC with a map back to the original offsets. macOS writes Hangul in NFD (conjoining
// jamo), so a note can hold `보안그룹` as 8 code units that must still match the glossary. Notes
// are mostly NFC with a few decomposed words, so only the runs around decomposed characters are
// normalized and the map is a short list of breakpoints.

const DECOMPOSED = /[\u0300-\u036f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]+/g;
/** Characters that NFC may fold into the character before them (Hangul vowels and finals, accents). */
const COMBINING = /[\u0300-\u036f\u1160-\u11ff\ud7b0-\ud7ff]/;

export interface NormalizedText {
  text: string;
  /** Offset in the original text of an offset in `text` (identity when nothing changed). */
  toOriginal(offset: number): number;
}

const IDENTITY = (o: number) => o;

export function normalizeNfc(original: string): NormalizedText {
  DECOMPOSED.lastIndex = 0;
  if (!DECOMPOSED.test(original)) {
    return { text: original, toOriginal: IDENTITY };
  }
  DECOMPOSED.lastIndex = 0;
  const parts: string[] = [];
  // Breakpoints: from normalized offset norm[i] on, original = orig[i] + (offset - norm[i]),
  // except inside a normalized run, where every offset maps to the run's start.
  const norm: number[] = [0];
  const orig: number[] = [0];
  const runEnds: number[] = [-1];
  let copied = 0;
  let length = 0;
  for (let m = DECOMPOSED.exec(original); m; m = DECOMPOSED.exec(original)) {
    // An accent composes with the letter before it; a Hangul run starts with its own consonant.
    const start = COMBINING.test(original[m.index]) ? Math.max(copied, m.index - 1) : m.index;
    const end = m.index + m[0].length;
    parts.push(original.slice(copied, start));
    length += start - copied;
    // One breakpoint per composed character, so a term inside the run maps back exactly.
    for (let i = start; i < end;) {
      let j = i + 1;
      while (j < end && COMBINING.test(original[j])) {
        j++;
      }
      const composed = original.slice(i, j).normalize('NFC');
      parts.push(composed);
      norm.push(length);
      orig.push(i);
      runEnds.push(length + composed.length);
      length += composed.length;
      i = j;
    }
    norm.push(length);
    orig.push(end);
    runEnds.push(-1);
    copied = end;
  }
  parts.push(original.slice(copied));
  return {
    text: parts.join(''),
    toOriginal(offset) {
      let lo = 0;
      let hi = norm.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (norm[mid] <= offset) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return offset < runEnds[lo] ? orig[lo] : orig[lo] + (offset - norm[lo]);
    },
  };
}
