// Deterministic generator of synthetic study-note workspaces for the benchmark.
// Notes are built from our own sentence templates (test/bench-fixtures/sentences.json) in the style
// of Korean AWS study notes: particles glued to terms, nested lists, `X : Y` items, GFM tables,
// fenced code, stale claims, Q::A cards and ==cloze== deletions. Same parameters, same bytes.
//
//   node scripts/bench/generateNotes.mjs 1000 [--dir /tmp/csn-bench/1000]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { githubSlugifier } from 'vscode-markdown-languageservice';

const GENERATOR_VERSION = 1;
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE_FILE = path.resolve(HERE, '../../test/bench-fixtures/sentences.json');
const fixtureText = readFileSync(FIXTURE_FILE, 'utf8');
const F = JSON.parse(fixtureText);

export const NOTES_PER_FOLDER = 100;
/** Notes that others link to (with a heading fragment), so header references have work to do. */
export const HUB_NOTES = 10;
export const BIG_NOTE = 'big/edit-target.md';
export const DEFAULT_SEED = 20240611;

/** All term strings of the fixture, for finding hover positions in generated (or real) notes. */
export const TERM_STRINGS = F.terms.map((t) => t[0]);

/** mulberry32: small, fast, good enough for picking sentences. */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const TERM_WEIGHT_TOTAL = F.terms.reduce((s, t) => s + t[2], 0);
function pickTerm(rng) {
  let r = rng.next() * TERM_WEIGHT_TOTAL;
  for (const t of F.terms) {
    if ((r -= t[2]) < 0) {
      return t;
    }
  }
  return F.terms[0];
}

/** Whether the term ends in a consonant when read aloud (decides 은/는 and friends). */
function hasFinal(term) {
  const last = term[0].charCodeAt(term[0].length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) {
    return (last - 0xac00) % 28 !== 0;
  }
  return term[1] >= 1;
}
function endsInRieul(term) {
  const last = term[0].charCodeAt(term[0].length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) {
    return (last - 0xac00) % 28 === 8;
  }
  return term[1] === 2;
}
const PARTICLES = { 은: ['은', '는'], 이: ['이', '가'], 을: ['을', '를'], 과: ['과', '와'], 으로: ['으로', '로'] };

/** Fills {A}, {B:은}, … with terms; `terms` may preset some slots (e.g. a comparison pair). */
function fill(rng, template, terms = {}) {
  const used = new Set(Object.values(terms).map((t) => t[0]));
  return template.replace(/\{([ABC])(?::([^}]+))?\}/g, (_, slot, particle) => {
    if (!terms[slot]) {
      let t = pickTerm(rng);
      while (used.has(t[0])) {
        t = pickTerm(rng);
      }
      used.add(t[0]);
      terms[slot] = t;
    }
    const term = terms[slot];
    if (!particle) {
      return term[0];
    }
    const [withFinal, without] = PARTICLES[particle];
    const p = particle === '으로' && endsInRieul(term) ? '로' : hasFinal(term) ? withFinal : without;
    // People write "EC2 를" as often as "EC2를".
    return term[0] + (rng.chance(0.15) ? ' ' : '') + p;
  });
}

function notePath(i) {
  return `notes/${String(Math.floor(i / NOTES_PER_FOLDER)).padStart(3, '0')}/note-${String(i).padStart(5, '0')}.md`;
}

/** A note's title depends on its index only, so other notes can link to it before it exists. */
export function titleOf(seed, i) {
  const rng = createRng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  return fill(rng, rng.pick(F.headings));
}

function paragraph(rng) {
  const n = 1 + rng.int(3);
  const pool = rng.chance(0.15) ? F.english : F.prose;
  return Array.from({ length: n }, () => fill(rng, rng.pick(pool))).join(rng.chance(0.5) ? ' ' : '\n');
}

function nestedList(rng) {
  const lines = [];
  const numbered = rng.chance(0.3);
  const indent = rng.chance(0.6) ? '\t' : '  ';
  const top = 2 + rng.int(4);
  for (let i = 0; i < top; i++) {
    const bullet = numbered ? `${i + 1}.` : '-';
    lines.push(`${bullet} ${rng.chance(0.4) ? definition(rng) : fill(rng, rng.pick(F.items))}`);
    const children = rng.int(4);
    for (let c = 0; c < children; c++) {
      lines.push(`${indent}- ${fill(rng, rng.pick(F.items))}`);
      if (rng.chance(0.25)) {
        lines.push(`${indent}${indent}- ${fill(rng, rng.pick(rng.chance(0.3) ? F.stale : F.items))}`);
      }
    }
  }
  return lines.join('\n');
}

/** An `X : Y` definition item. */
function definition(rng) {
  const [term, text] = rng.pick(F.definitions);
  return `${term}${rng.chance(0.8) ? ' : ' : ': '}${text}`;
}

function table(rng) {
  const [a, b] = rng.pick(F.pairs);
  const header = rng.chance(0.5) ? `| **특징** | **${a}** | **${b}** |` : `| 구분 | ${a} | ${b} |`;
  const rows = new Set();
  const count = 3 + rng.int(5);
  while (rows.size < count) {
    rows.add(rng.pick(F.tableRows));
  }
  return [header, '| --- | --- | --- |', ...[...rows].map((r) => `| ${r[0]} | ${r[1]} | ${r[2]} |`)].join('\n');
}

function codeBlock(rng) {
  const [lang, ...lines] = rng.pick(F.code);
  return ['```' + lang, ...lines, '```'].join('\n');
}

function card(rng) {
  const line = fill(rng, rng.pick(F.cards));
  return rng.chance(0.5) ? `- ${line}` : line;
}

function link(rng, seed, notes, fromDir) {
  const target = rng.int(Math.min(HUB_NOTES, notes));
  const title = titleOf(seed, target);
  const rel = path.posix.relative(fromDir, notePath(target));
  const href = `${rel}#${githubSlugifier.fromHeading(title).value}`;
  return rng.pick(F.links).replace('{title}', title).replace('{path}', href);
}

/** One note of roughly `targetBytes` UTF-8 bytes. */
export function generateNote(seed, i, notes, targetBytes, jitter = 0.3) {
  const rng = createRng(seed ^ Math.imul(i + 1, 0x85ebca6b));
  const dir = path.posix.dirname(notePath(i));
  const blocks = [`# ${titleOf(seed, i)}`];
  let bytes = Buffer.byteLength(blocks[0]);
  const target = targetBytes * (1 - jitter + 2 * jitter * rng.next());
  let section = 0;
  // A section adds about 1.1 KB: stop half a section early so notes average `targetBytes`.
  while (bytes < target - 550) {
    const parts = [];
    section++;
    const level = section === 1 || rng.chance(0.6) ? '##' : '###';
    parts.push(`${level} ${rng.chance(0.3) ? `${section}) ` : ''}${fill(rng, rng.pick(F.headings))}`);
    const count = 2 + rng.int(4);
    for (let k = 0; k < count; k++) {
      const r = rng.next();
      if (r < 0.34) {
        parts.push(paragraph(rng));
      } else if (r < 0.62) {
        parts.push(nestedList(rng));
      } else if (r < 0.7) {
        parts.push(table(rng));
      } else if (r < 0.77) {
        parts.push(codeBlock(rng));
      } else if (r < 0.83) {
        parts.push(rng.pick(F.stale));
      } else if (r < 0.9) {
        parts.push(card(rng));
      } else if (r < 0.96) {
        parts.push(fill(rng, rng.pick(F.clozes)));
      } else {
        parts.push(link(rng, seed, notes, dir));
      }
    }
    const text = parts.join('\n\n');
    blocks.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  return blocks.join('\n\n') + '\n';
}

/**
 * Writes `notes` notes (plus one ~200 KB note for the edit test) into `dir`, or reuses the folder
 * when a manifest with the same parameters is already there. Returns the manifest.
 */
export function generateWorkspace({ notes, seed = DEFAULT_SEED, noteBytes = 5000, bigNoteBytes = 200_000, dir = defaultDir(notes) }) {
  const params = {
    version: GENERATOR_VERSION,
    notes,
    seed,
    noteBytes,
    bigNoteBytes,
    fixture: createHash('sha1').update(fixtureText).digest('hex'),
  };
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const old = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (JSON.stringify(old.params) === JSON.stringify(params)) {
      return { ...old, dir, reused: true };
    }
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  let totalBytes = 0;
  const write = (rel, text) => {
    const file = path.join(tmp, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    totalBytes += Buffer.byteLength(text);
  };
  for (let i = 0; i < notes; i++) {
    write(notePath(i), generateNote(seed, i, notes, noteBytes));
  }
  write(BIG_NOTE, generateNote(seed, 0x7fffffff, notes, bigNoteBytes, 0));
  const manifest = { params, files: notes + 1, bytes: totalBytes, bigNote: BIG_NOTE, hubNote: notePath(0), hubTitle: titleOf(seed, 0) };
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(tmp, dir);
  return { ...manifest, dir, reused: false };
}

export function defaultDir(notes) {
  return path.join(os.tmpdir(), 'csn-bench', String(notes));
}

/** Notes written during the burst test: same style, separate seed, in a folder of their own. */
export function burstNotes(count, seed = DEFAULT_SEED + 1) {
  return Array.from({ length: count }, (_, i) => ({
    rel: `_burst/burst-${String(i).padStart(3, '0')}.md`,
    text: generateNote(seed, i, HUB_NOTES, 5000),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const notes = Number(process.argv[2] ?? 1000);
  const dirFlag = process.argv.indexOf('--dir');
  const started = performance.now();
  const m = generateWorkspace({ notes, ...(dirFlag > 0 ? { dir: process.argv[dirFlag + 1] } : {}) });
  console.log(
    `${m.reused ? 'reused' : 'generated'} ${m.files} notes, ${(m.bytes / 1e6).toFixed(1)} MB in ${m.dir} (${Math.round(performance.now() - started)} ms)`,
  );
}
