// Floors: how fast the same notes can be handled without a language server at all.
//   - raw read of every file plus one regex scan for the term strings;
//   - remark-parse + remark-gfm alone (a full syntax tree per note), on a sample when large.
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const REMARK_SAMPLE = 1000;

export function benchFloors(files, terms) {
  const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let t0 = performance.now();
  let bytes = 0;
  let matches = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += text.length;
    for (re.lastIndex = 0; re.exec(text);) {
      matches++;
    }
  }
  const scanMs = performance.now() - t0;

  // Evenly spaced sample, so that extrapolating by bytes is fair.
  const step = Math.max(1, files.length / REMARK_SAMPLE);
  const sample = [];
  for (let i = 0; i < files.length && sample.length < REMARK_SAMPLE; i = Math.floor(sample.length * step)) {
    sample.push(files[i]);
  }
  const processor = unified().use(remarkParse).use(remarkGfm);
  let sampleChars = 0;
  t0 = performance.now();
  for (const f of sample) {
    const text = readFileSync(f, 'utf8');
    sampleChars += text.length;
    processor.runSync(processor.parse(text));
  }
  const sampleMs = performance.now() - t0;
  const extrapolated = sample.length < files.length;
  return {
    readScan: { ms: round(scanMs), matches },
    remark: {
      ms: round(extrapolated ? (sampleMs * bytes) / sampleChars : sampleMs),
      extrapolated,
      sampleFiles: sample.length,
      sampleMs: round(sampleMs),
    },
  };
}

const round = (x) => Math.round(x * 10) / 10;
