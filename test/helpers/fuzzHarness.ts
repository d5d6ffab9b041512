// Random and hostile notes, random edits and every request of the language service in memory:
// nothing may throw, every range must lie inside its note, every request must answer within a
// bound. test/fuzz.test.ts runs it with a fixed seed; `npm run fuzz` (scripts/fuzz.ts) for long.
import * as fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Knowledge } from '../../server/src/knowledge/loadKnowledge';
import { LanguageService } from '../../server/src/languageService';
import { MemoryWorkspace } from './memoryWorkspace';
import { HOSTILE_SECTIONS } from './hostileInputs';

export const REQUEST_KINDS = [
  'hover',
  'definition',
  'references',
  'highlights',
  'completion',
  'diagnostics',
  'codeActions',
  'quizItems',
  'documentSymbols',
  'workspaceSymbols',
  'semanticTokens',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface FuzzOptions {
  seed: number;
  numRuns: number;
  /** The longest any one request may take. */
  maxLatencyMs: number;
  /** Where a failing note is saved (as a fixture test/fuzz.test.ts replays), if anywhere. */
  failuresDir?: string;
}

export interface FuzzReport {
  runs: number;
  documents: number;
  edits: number;
  requests: number;
  /** Per request kind: the longest it took, and the length of the note it took it on. */
  worst: Record<RequestKind, { ms: number; chars: number }>;
}

interface FuzzCase {
  note: string;
  diskBytes: Uint8Array;
  edits: { at: number; remove: number; insert: string }[];
  offsets: number[];
}

const KOREAN = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const WORDS = ['는', '은', '를', '의', '에서', 'and', 'the', 'max', '최대', '5분', '3000 IOPS', 'Xen', '위에서 실행', '최종 일관성'];

/** Words of notes: glossary names in both languages, Korean syllables, particles, English words. */
function textArb(terms: readonly string[]): fc.Arbitrary<string> {
  const word = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...terms) },
    { weight: 2, arbitrary: fc.string({ unit: KOREAN, minLength: 1, maxLength: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom('**', '_', '`', '~~', '[', '](', ')', '==', '::', ':::', '|', '<', '&amp;', '\\') },
  );
  return fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
}

/** A line or block of Markdown, from the constructs notes use and the shapes that hurt parsers. */
function blockArb(terms: readonly string[]): fc.Arbitrary<string> {
  const text = textArb(terms);
  return fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- * ', '> '), text)
        .map(([n, m, t]) => `${' '.repeat(n)}${m}${t}`),
    },
    { weight: 1, arbitrary: fc.tuple(text, text).map(([h, c]) => `| ${h} | 설명 |\n| --- | --- |\n| ${c} | ${h} |`) },
    { weight: 1, arbitrary: fc.tuple(text, fc.boolean()).map(([c, closed]) => `\`\`\`\n${c}\n${closed ? '```' : ''}`) },
    { weight: 1, arbitrary: fc.tuple(text, text).map(([q, a]) => `${q}::${a}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '<div>\n<a name="ec2"></a>',
        '<!-- cloud-notes-disable-next-line -->',
        '<!-- as-of: 2019 -->',
        '---\ntitle: x\n---',
      ),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => String.fromCharCode(...b)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 32 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `lone ${String.fromCharCode(c)} surrogate`) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(HOSTILE_SECTIONS)) },
    { weight: 1, arbitrary: fc.tuple(text, fc.integer({ min: 100, max: 20_000 })).map(([t, n]) => `${t} `.repeat(n).slice(0, 200_000)) },
  );
}

function caseArb(terms: readonly string[]): fc.Arbitrary<FuzzCase> {
  const block = blockArb(terms);
  return fc.record({
    note: fc
      .tuple(fc.array(block, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([blocks, eol]) => blocks.join('\n').replace(/\n/g, eol)),
    diskBytes: fc.oneof(
      fc.uint8Array({ maxLength: 256 }),
      block.map((b) => new TextEncoder().encode(b)),
    ),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(block, fc.string({ maxLength: 3 })) }), {
      maxLength: 3,
    }),
    offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  });
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function isRange(value: unknown): value is Range {
  const r = value as Range;
  return typeof r?.start?.line === 'number' && typeof r?.end?.character === 'number';
}

/** Every range in `value` (under an object with a `uri`, in that note) must lie inside its note. */
function assertRangesInside(value: unknown, docs: ReadonlyMap<string, TextDocument>, uri: string, what: string): void {
  if (Array.isArray(value)) {
    value.forEach((v) => assertRangesInside(v, docs, uri, what));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    return;
  }
  const here = typeof (value as { uri?: unknown }).uri === 'string' ? (value as { uri: string }).uri : uri;
  if (isRange(value)) {
    const doc = docs.get(here);
    if (doc) {
      for (const p of [value.start, value.end]) {
        const inside = p.line >= 0 && p.line < doc.lineCount && p.character >= 0 && doc.offsetAt(p) === offsetOf(doc, p);
        if (!inside) {
          throw new Error(`${what}: range ${JSON.stringify(value)} outside ${here}`);
        }
      }
    }
    return;
  }
  for (const v of Object.values(value)) {
    assertRangesInside(v, docs, here, what);
  }
}

/** The offset of a position taken literally (offsetAt clamps a character past the line's end). */
function offsetOf(doc: TextDocument, p: { line: number; character: number }): number {
  return doc.offsetAt({ line: p.line, character: 0 }) + p.character;
}

/** Semantic tokens are relative: each must fall on a line of the note, within it. */
function assertTokensInside(data: readonly number[], doc: TextDocument): void {
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const end = { line, character: char + data[i + 2] };
    if (line >= doc.lineCount || doc.offsetAt(end) !== offsetOf(doc, end)) {
      throw new Error(`semanticTokens: token at ${line}:${char} (+${data[i + 2]}) outside the note`);
    }
  }
}

/** Runs the fuzz; throws (after saving the failing note, if asked) on the first failure. */
export async function fuzzService(knowledge: Knowledge, options: FuzzOptions): Promise<FuzzReport> {
  const terms = knowledge.glossary.entries.flatMap((e) => [e.nameKo, e.shortName]).slice(0, 400);
  const report: FuzzReport = {
    runs: 0,
    documents: 0,
    edits: 0,
    requests: 0,
    worst: Object.fromEntries(REQUEST_KINDS.map((k) => [k, { ms: 0, chars: 0 }])) as FuzzReport['worst'],
  };
  const details = await fc.check(
    fc.asyncProperty(caseArb(terms), (c) => runCase(knowledge, c, options, report)),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true },
  );
  if (details.failed) {
    const saved =
      details.counterexample && options.failuresDir ? saveFailure(options.failuresDir, options.seed, details.counterexample[0]) : '';
    throw new Error(
      `fuzz failed (seed ${options.seed}, run ${details.numRuns}${saved ? `, note saved as ${saved}` : ''}): ${String(details.errorInstance)}`,
    );
  }
  return report;
}

/** Replays a saved failure (see saveFailure) through every request. */
export async function replayFailure(knowledge: Knowledge, saved: string, maxLatencyMs: number): Promise<void> {
  const c = JSON.parse(saved) as Omit<FuzzCase, 'diskBytes'> & { diskBytes: number[] };
  const report: FuzzReport = { runs: 0, documents: 0, edits: 0, requests: 0, worst: {} as FuzzReport['worst'] };
  await runCase(knowledge, { ...c, diskBytes: Uint8Array.from(c.diskBytes) }, { seed: 0, numRuns: 1, maxLatencyMs }, report);
}

/** Saves the failing case (note, disk file, edits, positions) as JSON that replayFailure reads. */
function saveFailure(dir: string, seed: number, c: FuzzCase): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `seed-${seed}.json`);
  writeFileSync(file, JSON.stringify({ ...c, diskBytes: [...c.diskBytes] }) + '\n');
  return file;
}

async function runCase(knowledge: Knowledge, c: FuzzCase, options: FuzzOptions, report: FuzzReport): Promise<boolean> {
  const uri = 'file:///fuzz/note.md';
  const workspace = new MemoryWorkspace({ 'file:///fuzz/disk.md': c.diskBytes, 'file:///fuzz/other.md': c.note.slice(0, 4096) });
  const service = new LanguageService({
    workspace,
    knowledge,
    locale: c.note.length % 2 ? 'ko' : 'en',
    logger: { info: () => {}, warn: () => {} },
  });
  await service.indexWorkspace();
  const docs = new Map<string, TextDocument>();
  for (const [u, bytes] of workspace.files) {
    docs.set(u, TextDocument.create(u, 'markdown', 0, new TextDecoder().decode(bytes)));
  }
  let doc = TextDocument.create(uri, 'markdown', 1, c.note);
  const timed = async <T>(kind: RequestKind, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    report.requests++;
    if (ms > (report.worst[kind]?.ms ?? 0)) {
      report.worst[kind] = { ms, chars: doc.getText().length };
    }
    if (ms > options.maxLatencyMs) {
      throw new Error(
        `${kind} took ${ms.toFixed(0)} ms (bound ${options.maxLatencyMs} ms) on a note of ${doc.getText().length} characters`,
      );
    }
    docs.set(uri, doc);
    assertRangesInside(result, docs, uri, kind);
    return result;
  };
  report.runs++;
  for (let step = 0; step <= c.edits.length; step++) {
    if (step > 0) {
      const { at, remove, insert } = c.edits[step - 1];
      const start = at % (doc.getText().length + 1);
      const range = { start: doc.positionAt(start), end: doc.positionAt(start + remove) };
      doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
      report.edits++;
    }
    report.documents++;
    service.documentChanged(doc);
    for (const offset of c.offsets) {
      const pos = doc.positionAt(offset % (doc.getText().length + 1));
      await timed('hover', () => service.hover(doc, pos));
      await timed('definition', () => service.definition(doc, pos));
      await timed('references', () => service.references(doc, pos));
      await timed('highlights', () => service.documentHighlights(doc, pos));
      await timed('completion', () => service.completion(doc, pos));
    }
    const diagnostics = (await timed('diagnostics', () => service.diagnosticsPausing(doc))) ?? [];
    await timed('codeActions', () => diagnostics.map((finding) => service.quickFixes(doc, finding)));
    const items = await timed('quizItems', () => service.quizItems({ scope: { kind: 'note', uri } }));
    for (const item of items) {
      if (item.source && (item.source.line < 0 || item.source.line >= (docs.get(item.source.uri)?.lineCount ?? Infinity))) {
        throw new Error(`quizItems: source line ${item.source.line} outside ${item.source.uri}`);
      }
    }
    await timed('documentSymbols', () => service.documentSymbols(doc));
    await timed('workspaceSymbols', () => service.workspaceSymbols(c.note.slice(0, 2)));
    assertTokensInside((await timed('semanticTokens', () => service.semanticTokens(doc))).data, doc);
  }
  return true;
}
