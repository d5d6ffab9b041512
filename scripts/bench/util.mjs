// Small helpers shared by the benchmark modules: files, statistics, memory, term positions.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Folders the server never indexes (server/src/workspace/fileWorkspace.ts). */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.cloud-notes']);

/** Every *.md file below `dir`, sorted, as absolute paths. */
export function listMarkdown(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name)) {
          walk(full);
        }
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out.sort();
}

export function percentile(sorted, p) {
  if (!sorted.length) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50/p95/p99/max of latency samples in ms. */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1] ?? NaN),
  };
}

/** Peak (VmHWM) or current (VmRSS) resident set size of a process in MB; NaN where /proc is missing. */
export function peakRssMB(pid = process.pid, field = 'VmHWM') {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Times an async function in ms. */
export async function time(fn) {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Places where one of `terms` is written in prose (outside fenced code, not inside a longer Latin
 * word), as { line, start, end, term } in UTF-16 columns: the positions an editor user hovers.
 */
export function termPositions(text, terms) {
  const re = new RegExp(
    terms
      .slice()
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|'),
    'g',
  );
  const found = [];
  let fence = false;
  text.split('\n').forEach((line, lineNo) => {
    if (/^ {0,3}(```|~~~)/.test(line)) {
      fence = !fence;
    }
    if (fence) {
      return;
    }
    for (const m of line.matchAll(re)) {
      const before = line[m.index - 1] ?? ' ';
      const after = line[m.index + m[0].length] ?? ' ';
      if (/[A-Za-z0-9]/.test(before) || /[A-Za-z0-9-]/.test(after)) {
        continue;
      }
      found.push({ line: lineNo, start: m.index, end: m.index + m[0].length, term: m[0] });
    }
  });
  return found;
}

/** The first ATX heading of a note: { line, character } inside its text. */
export function firstHeading(text) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /^#{1,6} /.test(l));
  return line < 0 ? undefined : { line, character: lines[line].indexOf(' ') + 1 };
}
