// `npm run bench`: generates synthetic workspaces (and copies the real seed notes), drives the
// built server through LSP, runs vscode-markdown-languageservice and two floors over the same
// notes, and prints one table with the targets. Timings vary from run to run; nothing else does.
//
//   node scripts/bench.mjs [--notes 1000,10000] [--json] [--only ours|theirs|floors] [--no-seeds] [--cpu-prof DIR]
//
// --json prints JSON on stdout (the table then goes to stderr). --cpu-prof writes a V8 CPU profile
// of every server process into DIR (open it in Chrome DevTools or VS Code; a summary is printed).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { benchFloors } from './bench/floors.mjs';
import { FIXTURE_FILE, TERM_STRINGS, createRng, defaultDir, generateWorkspace } from './bench/generateNotes.mjs';
import { benchOurs } from './bench/ours.mjs';
import { summarizeProfile } from './bench/profileSummary.mjs';
import { listMarkdown } from './bench/util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(HERE, '../../shared/seeds');
const STALE = JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')).stale;

const args = parseArgs(process.argv.slice(2));
const log = (msg) => process.stderr.write(`${msg}\n`);

async function main() {
  const runs = [];

  for (const ws of workspaces()) {
    log(`\n== ${ws.label}: ${ws.files} notes, ${mb(ws.bytes)} MB in ${ws.dir}`);
    const run = { name: ws.name, label: ws.label, files: ws.files, bytes: ws.bytes };
    const rng = createRng(ws.files);
    if (wants('floors')) {
      log('floors: read + scan, remark-parse + remark-gfm …');
      run.floors = benchFloors(ws.noteFiles, TERM_STRINGS);
    }
    if (wants('theirs')) {
      log('vscode-markdown-languageservice …');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--max-old-space-size=8192', path.join(HERE, 'bench/theirs.mjs'), ws.dir, ws.hubNote],
        { maxBuffer: 1 << 20 },
      );
      run.theirs = JSON.parse(stdout);
    }
    if (wants('ours')) {
      log('our server over LSP …');
      run.ours = await benchOurs(ws, rng, { terms: TERM_STRINGS, profileDir: args.cpuProf });
    }
    run.ratios = ratios(run);
    run.targets = ROWS.filter((r) => r.target).map((r) => ({ metric: r.label, target: r.target, ok: r.cell(run)?.ok }));
    runs.push(run);
  }

  if (args.cpuProf) {
    for (const f of readdirSync(args.cpuProf).filter((n) => n.endsWith('.cpuprofile'))) {
      log(`\n${summarizeProfile(path.join(args.cpuProf, f))}`);
    }
  }
  const table = renderTable(runs);
  if (args.json) {
    process.stderr.write(table);
    process.stdout.write(JSON.stringify({ env: environment(), runs }, null, 2) + '\n');
  } else {
    process.stdout.write(table);
  }
}

// --- workspaces --------------------------------------------------------------------------------

function* workspaces() {
  if (args.seeds && !existsSync(SEEDS)) {
    log(`no seed notes in ${SEEDS}: skipped`);
  } else if (args.seeds) {
    const dir = path.join(os.tmpdir(), 'csn-bench', 'seeds');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const names = readdirSync(SEEDS)
      .filter((n) => n.endsWith('.md') && n !== 'README.md')
      .sort();
    for (const n of names) {
      copyFileSync(path.join(SEEDS, n), path.join(dir, n));
    }
    const bySize = names.slice().sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size);
    yield workspace('seeds', `seeds (${names.length})`, dir, { bigNote: bySize[0], hubNote: names[0] });
  }
  for (const notes of args.notes) {
    log(`generating ${notes} notes …`);
    const m = generateWorkspace({ notes, dir: defaultDir(notes) });
    yield workspace(String(notes), notes.toLocaleString('en'), m.dir, { bigNote: m.bigNote, hubNote: m.hubNote });
  }
}

function workspace(name, label, dir, { bigNote, hubNote }) {
  const noteFiles = listMarkdown(dir);
  const bytes = noteFiles.reduce((s, f) => s + statSync(f).size, 0);
  return { name, label, dir, noteFiles, files: noteFiles.length, bytes, bigNote, hubNote, staleSentences: STALE };
}

// --- what the table shows ----------------------------------------------------------------------

function ratios(run) {
  const o = run.ours;
  const t = run.theirs;
  const f = run.floors;
  return {
    coldVsTheirSymbols: o && t ? o.cold.indexedMs / t.symbols.coldMs : undefined,
    referencesVsTheirHeaderRefs: o?.references && t ? o.references.p50 / t.headerRefs.p50 : undefined,
    coldVsRemarkFloor: o && f ? o.cold.indexedMs / f.remark.ms : undefined,
    coldVsReadScanFloor: o && f ? o.cold.indexedMs / f.readScan.ms : undefined,
  };
}

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${Math.round(x)} ms` : `${x.toFixed(2)} ms`);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const x = (r) => `${r.toFixed(2)}×`;
const pair = (s, a, b) => `${ms(s[a])} / ${ms(s[b])}`;

/** Rows of the table: a label, an optional target, and the cell of a run ({ text, ok }). */
const ROWS = [
  { section: 'ours (LSP, dist/server.js)' },
  {
    label: 'cold start: spawn → index complete',
    target: '≤ 5 s, < theirs',
    cell: (r) =>
      r.ours && {
        text: ms(r.ours.cold.indexedMs),
        ok: r.ours.cold.indexedMs <= 5000 && (!r.theirs || r.ours.cold.indexedMs < r.theirs.symbols.coldMs),
      },
  },
  { label: '  · spawn → initialize result', cell: (r) => r.ours && { text: ms(r.ours.cold.initializeMs) } },
  { label: '  · files/s · MB/s', cell: (r) => r.ours && { text: `${r.ours.cold.filesPerSec} · ${r.ours.cold.mbPerSec}` } },
  {
    label: '  · status: files · terms · mentions',
    cell: (r) => r.ours && { text: `${r.ours.cold.status.files} · ${r.ours.cold.status.terms} · ${r.ours.cold.status.occurrences}` },
  },
  { label: '  · RSS after indexing (VmHWM)', cell: (r) => r.ours && { text: `${r.ours.cold.rssAfterIndexMB} MB` } },
  {
    label: '  · RSS now/peak: hover · edit · burst',
    cell: (r) =>
      r.ours && {
        text: ['hover+references', 'edit', 'burst'].map((k) => `${r.ours.rssByPhase[k].rss}/${r.ours.rssByPhase[k].peak}`).join(' · '),
      },
  },
  {
    label: 'peak RSS at end of session',
    target: '≤ 300 MB',
    cell: (r) => r.ours && { text: `${r.ours.peakRssMB} MB`, ok: r.ours.peakRssMB <= 300 },
  },
  {
    label: 'warm start (2nd start; see cache note)',
    target: '≤ 0.5 s',
    cell: (r) =>
      r.ours && {
        text: `${ms(r.ours.warm.indexedMs)}${r.ours.warm.persistedCache ? ' (cache)' : ' (no cache)'}`,
        ok: r.ours.warm.indexedMs <= 500,
      },
  },
  {
    label: 'hover p50 / p99 (hit rate)',
    target: 'p99 ≤ 5 ms',
    cell: (r) =>
      r.ours?.hover.n && {
        text: `${pair(r.ours.hover, 'p50', 'p99')} (${Math.round(r.ours.hover.hitRate * 100)}%)`,
        ok: r.ours.hover.p99 <= 5,
      },
  },
  {
    label: 'definition EC2 p50 / p99 (locations)',
    cell: (r) => r.ours?.definition && { text: `${pair(r.ours.definition, 'p50', 'p99')} (${r.ours.definition.results})` },
  },
  {
    label: 'references EC2 p50 / p99 (locations)',
    target: 'p99 ≤ 50 ms',
    cell: (r) =>
      r.ours?.references && {
        text: `${pair(r.ours.references, 'p50', 'p99')} (${r.ours.references.results})`,
        ok: r.ours.references.p99 <= 50,
      },
  },
  {
    label: '  · JSON encode + decode of that answer alone',
    cell: (r) => r.ours?.references?.jsonFloorMs !== undefined && { text: ms(r.ours.references.jsonFloorMs) },
  },
  {
    label: 'edit → diagnostics p50 / p95 (big note)',
    target: 'p95 ≤ 50 ms',
    cell: (r) =>
      r.ours &&
      (r.ours.edit.implemented
        ? { text: `${pair(r.ours.edit, 'p50', 'p95')} (${Math.round(r.ours.edit.bytes / 1000)} KB)`, ok: r.ours.edit.p95 <= 50 }
        : { text: 'n/a (no diagnostics)' }),
  },
  {
    label: 'burst: 100 file events → status',
    cell: (r) =>
      r.ours && {
        text: `${ms(r.ours.burst.ms)}${r.ours.burst.counted === r.ours.burst.files ? '' : ` (${r.ours.burst.counted} counted)`}`,
      },
  },
  { section: 'theirs (vscode-markdown-languageservice 0.5, in-process)' },
  {
    label: 'workspace symbols, 1st call / 2nd',
    cell: (r) => r.theirs && { text: `${ms(r.theirs.symbols.coldMs)} / ${ms(r.theirs.symbols.warmMs)}` },
  },
  {
    label: 'header references, 1st call',
    cell: (r) => r.theirs && { text: `${ms(r.theirs.headerRefs.firstMs)} (${r.theirs.headerRefs.results})` },
  },
  { label: 'header references p50 / p99', cell: (r) => r.theirs && { text: pair(r.theirs.headerRefs, 'p50', 'p99') } },
  { label: 'peak RSS', cell: (r) => r.theirs && { text: `${r.theirs.peakRssMB} MB` } },
  { section: 'ratios (ours / theirs)' },
  {
    label: 'cold index / their workspace symbols',
    target: '< 1',
    cell: (r) => r.ratios.coldVsTheirSymbols !== undefined && { text: x(r.ratios.coldVsTheirSymbols), ok: r.ratios.coldVsTheirSymbols < 1 },
  },
  {
    label: 'references p50 / their header refs p50',
    cell: (r) => r.ratios.referencesVsTheirHeaderRefs !== undefined && { text: x(r.ratios.referencesVsTheirHeaderRefs) },
  },
  { section: 'floors (no language server)' },
  { label: 'read all + regex scan', cell: (r) => r.floors && { text: ms(r.floors.readScan.ms) } },
  {
    label: 'remark-parse + remark-gfm',
    cell: (r) =>
      r.floors && { text: `${ms(r.floors.remark.ms)}${r.floors.remark.extrapolated ? ` (est. from ${r.floors.remark.sampleFiles})` : ''}` },
  },
  {
    label: 'ours cold / read+scan · / remark',
    cell: (r) =>
      r.ratios.coldVsRemarkFloor !== undefined && { text: `${x(r.ratios.coldVsReadScanFloor)} · ${x(r.ratios.coldVsRemarkFloor)}` },
  },
];

function renderTable(runs) {
  const header = ['', 'target', ...runs.map((r) => r.label)];
  const lines = [
    ['workspace: notes · MB', '', ...runs.map((r) => `${r.files} · ${mb(r.bytes)}`)],
    ...ROWS.map((row) => {
      if (row.section) {
        return [row.section];
      }
      return [
        row.label,
        row.target ?? '',
        ...runs.map((r) => {
          const c = row.cell(r);
          if (!c) {
            return '–';
          }
          return c.ok === undefined ? c.text : `${c.text} ${c.ok ? '✓' : '✗'}`;
        }),
      ];
    }),
  ];
  const widths = header.map((_, i) => Math.max(...[header, ...lines.filter((l) => l.length > 1)].map((l) => width(l[i] ?? ''))));
  const pad = (s, w) => s + ' '.repeat(Math.max(0, w - width(s)));
  const fmt = (l) =>
    l.length === 1
      ? `\n${l[0]}`
      : l
          .map((c, i) => pad(c, widths[i]))
          .join('  ')
          .trimEnd();
  const env = environment();
  return [
    `Cloud Study Notes benchmark — node ${env.node}, ${env.cpus}× ${env.cpuModel}, ${env.platform}`,
    '',
    fmt(header),
    ...lines.map(fmt),
    '',
    'Targets are for 10,000 notes. Cold = fresh server process on a warm OS page cache (files were just generated/read).',
    'Warm start = a second server start on the same folder; "(no cache)" means the server persisted nothing, so it is a second cold start.',
    'Hover/definition/references are timed per request over stdio JSON-RPC, one at a time, in notes opened with didOpen.',
    '',
  ].join('\n');
}

/** Display width: Hangul and other wide characters take two columns. */
function width(s) {
  let w = 0;
  for (const ch of s) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  }
  return w;
}

function environment() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? '?',
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function wants(part) {
  return !args.only || args.only === part;
}

function parseArgs(argv) {
  const out = { notes: [1000, 10000], json: false, only: undefined, seeds: true, cpuProf: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--notes') {
      out.notes = argv[++i].split(',').filter(Boolean).map(Number);
    } else if (a === '--json') {
      out.json = true;
    } else if (a === '--only') {
      out.only = argv[++i];
    } else if (a === '--no-seeds') {
      out.seeds = false;
    } else if (a === '--cpu-prof') {
      out.cpuProf = path.resolve(argv[++i]);
    } else {
      throw new Error(`unknown flag ${a} (see the header of scripts/bench.mjs)`);
    }
  }
  if (out.only && !['ours', 'theirs', 'floors'].includes(out.only)) {
    throw new Error(`--only takes ours, theirs or floors, not ${out.only}`);
  }
  if (out.notes.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error('--notes takes positive integers, e.g. 1000,10000');
  }
  return out;
}

await main();
