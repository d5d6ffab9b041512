// Unicode NFC with a map back to the original offsets. macOS writes Hangul in NFD (conjoining
// jamo), so a note can hold `보안그룹` as 8 code units that must still match the glossary.

const DECOMPOSED = /[\u0300-\u036f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/;
/** Characters that NFC may fold into the preceding starter. */
const COMBINING = /[\u0300-\u036f\u1160-\u11ff\ud7b0-\ud7ff]/;

export interface NormalizedText {
  text: string;
  /** Offset in the original text of an offset in `text` (identity when nothing changed). */
  toOriginal(offset: number): number;
}

export function normalizeNfc(original: string): NormalizedText {
  if (!DECOMPOSED.test(original)) return { text: original, toOriginal: (o) => o };
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    let j = i + 1;
    while (j < original.length && COMBINING.test(original[j])) j++;
    const chunk = original.slice(i, j).normalize('NFC');
    parts.push(chunk);
    for (let k = 0; k < chunk.length; k++) map.push(i);
    i = j;
  }
  map.push(original.length);
  return { text: parts.join(''), toOriginal: (o) => map[Math.min(o, map.length - 1)] };
}
