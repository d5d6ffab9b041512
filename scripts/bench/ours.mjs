// Drives the built language server (dist/server.js) over LSP, as an editor does, and measures
// start-up indexing, hover, definition/references, edit -> diagnostics and a file-event burst.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { require as tsxRequire } from 'tsx/cjs/api';
import { burstNotes } from './generateNotes.mjs';
import { peakRssMB, summarize, termPositions } from './util.mjs';

// The JSON-RPC client the LSP tests use.
const { startServer } = tsxRequire('../../test/helpers/lspClient.ts', import.meta.url);

const STATUS = 'cloudNotes/status';
const PROFILER = fileURLToPath(new URL('./cpuProfile.cjs', import.meta.url));
const OPENED_NOTES = 200;
const REF_SAMPLES = 30;
const EDITS = 100;
const BURST = 100;
/** How long to wait for a first publishDiagnostics before calling diagnostics not implemented. */
const DIAGNOSTICS_GRACE_MS = 3000;
const TIMEOUT_MS = 120_000;

const uriOf = (file) => pathToFileURL(file).toString();
const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref())]);

/**
 * Starts the server on `dir` and waits until start-up indexing is complete.
 * `profileDir` runs the server under a CPU profiler (the profile is written when it exits).
 */
async function start(dir, { profileDir } = {}) {
  // The child inherits process.env at spawn time: set the profiler preload just for this spawn.
  const saved = { ...process.env };
  if (profileDir) {
    Object.assign(process.env, { NODE_OPTIONS: `${saved.NODE_OPTIONS ?? ''} --require ${PROFILER}`.trim(), CSN_CPU_PROF_DIR: profileDir });
  }
  const t0 = performance.now();
  let session;
  try {
    session = await startServer(dir, { storagePath: storageOf(dir) });
  } finally {
    if (profileDir) {
      for (const k of ['NODE_OPTIONS', 'CSN_CPU_PROF_DIR']) {
        if (saved[k] === undefined) {
          delete process.env[k];
        } else {
          process.env[k] = saved[k];
        }
      }
    }
  }
  const initializeMs = performance.now() - t0;
  await withTimeout(session.indexed, TIMEOUT_MS, 'start-up indexing');
  let status = await session.connection.sendRequest(STATUS);
  while (status.indexing) {
    status = await session.connection.sendRequest(STATUS);
  }
  const indexedMs = performance.now() - t0;
  return { session, initializeMs, indexedMs, status, rssAfterIndexMB: peakRssMB(session.process.pid) };
}

/** The server's storage folder for a workspace (its persisted index lives there). */
function storageOf(dir) {
  return `${dir}.server-storage`;
}

/** Runs every LSP scenario on one workspace. `ws`: { dir, files, bytes, bigNote }. */
export async function benchOurs(ws, rng, { terms, hovers = 10_000, profileDir } = {}) {
  rmSync(storageOf(ws.dir), { recursive: true, force: true }); // cold: nothing persisted
  rmSync(path.join(ws.dir, '_burst'), { recursive: true, force: true });
  const files = ws.noteFiles;
  const result = {};

  const cold = await start(ws.dir, { profileDir });
  const { session } = cold;
  const c = session.connection;
  result.cold = coldStats(cold, ws);

  // Open a random sample of notes, as an editor would before hovering in them.
  const opened = files.length <= OPENED_NOTES ? files : pickDistinct(rng, files, OPENED_NOTES);
  const positions = [];
  for (const file of opened) {
    const text = readFileSync(file, 'utf8');
    const uri = uriOf(file);
    c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    for (const p of termPositions(text, terms)) {
      positions.push({ uri, ...p });
    }
  }
  await c.sendRequest(STATUS); // the opens are processed in order before this answers

  // Hover at random term positions, one request at a time.
  const hoverMs = [];
  let hits = 0;
  for (let i = 0; i < hovers && positions.length; i++) {
    const p = positions[rng.int(positions.length)];
    const t0 = performance.now();
    const h = await c.sendRequest('textDocument/hover', {
      textDocument: { uri: p.uri },
      position: { line: p.line, character: (p.start + p.end) >> 1 },
    });
    hoverMs.push(performance.now() - t0);
    if (h) {
      hits++;
    }
  }
  const rss = (phase) =>
    (result.rssByPhase[phase] = { rss: peakRssMB(session.process.pid, 'VmRSS'), peak: peakRssMB(session.process.pid) });
  result.rssByPhase = {};
  rss('indexed+opened');
  result.hover = { ...summarize(hoverMs), hitRate: hoverMs.length ? hits / hoverMs.length : 0, positions: positions.length };

  // Definition and references for the frequent term EC2.
  const ec2 = positions.find((p) => p.term === 'EC2');
  if (ec2) {
    const params = { textDocument: { uri: ec2.uri }, position: { line: ec2.line, character: ec2.start + 1 } };
    result.definition = (await repeat(REF_SAMPLES, () => c.sendRequest('textDocument/definition', params))).stats;
    const references = await repeat(REF_SAMPLES, () =>
      c.sendRequest('textDocument/references', { ...params, context: { includeDeclaration: true } }),
    );
    result.references = { ...references.stats, jsonFloorMs: jsonRoundTripMs(references.last) };
  }

  rss('hover+references');
  result.edit = await editToDiagnostics(c, ws, rng);
  rss('edit');
  result.burst = await burst(c, ws);
  rss('burst');
  result.peakRssMB = peakRssMB(session.process.pid);
  await session.stop();
  rmSync(path.join(ws.dir, '_burst'), { recursive: true, force: true });

  // Warm start: a second start on the same folder, with whatever the first one persisted.
  const persisted = existsSync(storageOf(ws.dir)) && readdirSync(storageOf(ws.dir)).length > 0;
  const warm = await start(ws.dir, { profileDir });
  result.warm = { ...coldStats(warm, ws), persistedCache: persisted };
  await warm.session.stop();
  return result;
}

function coldStats({ initializeMs, indexedMs, status, rssAfterIndexMB }, ws) {
  return {
    initializeMs: round(initializeMs),
    indexedMs: round(indexedMs),
    filesPerSec: Math.round(status.files / (indexedMs / 1000)),
    mbPerSec: round(ws.bytes / 1e6 / (indexedMs / 1000)),
    status,
    rssAfterIndexMB,
  };
}

/** Times `n` sequential calls: their statistics with the size of the last answer, and that answer. */
async function repeat(n, call) {
  const ms = [];
  let last;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = await call();
    ms.push(performance.now() - t0);
  }
  return { stats: { ...summarize(ms), results: Array.isArray(last) ? last.length : last ? 1 : 0 }, last };
}

/**
 * The least any server pays to hand `answer` to an editor over JSON-RPC: JSON.stringify and
 * UTF-8 encoding on one side, decoding and JSON.parse on the other (median of 5, in this process).
 */
function jsonRoundTripMs(answer) {
  const ms = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    JSON.parse(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, result: answer }), 'utf8').toString('utf8'));
    ms.push(performance.now() - t0);
  }
  return round(summarize(ms).p50);
}

/** Edits the big note (inserting a stale claim at a random line) and waits for diagnostics of that version. */
async function editToDiagnostics(c, ws, rng) {
  const file = path.join(ws.dir, ws.bigNote);
  const uri = uriOf(file);
  const text = readFileSync(file, 'utf8');
  let lines = text.split('\n').length;
  let waiting;
  c.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri || !waiting) {
      return;
    }
    if (p.version === undefined || p.version === waiting.version) {
      waiting.resolve(p);
    }
  });
  const next = (version) => new Promise((resolve) => (waiting = { version, resolve }));

  const first = next(1);
  c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const opened = await Promise.race([first, new Promise((r) => setTimeout(r, DIAGNOSTICS_GRACE_MS, undefined))]);
  if (!opened) {
    return { implemented: false, bytes: Buffer.byteLength(text) };
  }

  const ms = [];
  let diagnostics = 0;
  for (let version = 2; version < 2 + EDITS; version++) {
    const line = rng.int(lines);
    const sentence = ws.staleSentences[rng.int(ws.staleSentences.length)];
    const published = next(version);
    const t0 = performance.now();
    c.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${sentence}\n` }],
    });
    const p = await withTimeout(published, 10_000, `diagnostics for version ${version}`);
    ms.push(performance.now() - t0);
    diagnostics = p.diagnostics.length;
    lines++;
  }
  waiting = undefined;
  return { implemented: true, bytes: Buffer.byteLength(text), ...summarize(ms), diagnostics };
}

/** Writes BURST new notes, reports them in one didChangeWatchedFiles and waits until status counts them. */
async function burst(c, ws) {
  const before = (await c.sendRequest(STATUS)).files;
  const notes = burstNotes(BURST);
  for (const n of notes) {
    mkdirSync(path.dirname(path.join(ws.dir, n.rel)), { recursive: true });
    writeFileSync(path.join(ws.dir, n.rel), n.text);
  }
  const t0 = performance.now();
  c.sendNotification('workspace/didChangeWatchedFiles', { changes: notes.map((n) => ({ uri: uriOf(path.join(ws.dir, n.rel)), type: 1 })) });
  let status;
  do {
    status = await c.sendRequest(STATUS);
  } while (status.files < before + BURST && performance.now() - t0 < TIMEOUT_MS);
  return { ms: round(performance.now() - t0), files: BURST, counted: status.files - before };
}

function pickDistinct(rng, list, n) {
  const copy = list.slice();
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

const round = (x) => Math.round(x * 10) / 10;
