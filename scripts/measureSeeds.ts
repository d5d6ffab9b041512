// Development measurement on the real study notes in ../shared/seeds (never copied into the
// project): term recognition against test/devset/term-labels.json and the outdated-facts checker
// against test/devset/stale-claims.json. Run: npm run measure
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanNote } from '../server/src/scan/noteScanner';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { LanguageService } from '../server/src/languageService';

const SEEDS = path.resolve(__dirname, '../../shared/seeds');
const DEVSET = path.resolve(__dirname, '../test/devset');

/** A term mention a person marked: the seed file, 1-based line, the text as written, the glossary id. */
interface TermLabel {
  file: string;
  line: number;
  text: string;
  term: string;
}

/** A stale or wrong claim a person marked: file, 1-based line, the claim, and the fact id that covers it (null: no fact does). */
interface ClaimLabel {
  file: string;
  line: number;
  claim: string;
  fact: string | null;
}

const knowledge = loadKnowledge();
const ids = knowledge.glossary.entries.map((e) => e.id);
const seed = (file: string) => readFileSync(path.join(SEEDS, file), 'utf8');
const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) + ' %' : 'n/a');

function measureTerms(labels: TermLabel[]) {
  // Place labels longest first, each on the first place of its text that no other label covers
  // (`S3` after `AWS S3` on the same line).
  const expected = new Set<string>();
  const covered = new Map<string, [number, number][]>();
  for (const l of [...labels].sort((a, b) => b.text.length - a.text.length)) {
    const lineText = seed(l.file).split('\n')[l.line - 1] ?? '';
    const taken = covered.get(`${l.file}:${l.line}`) ?? [];
    let col = -1;
    do col = lineText.indexOf(l.text, col + 1);
    while (col >= 0 && taken.some(([s, e]) => col < e && col + l.text.length > s));
    if (col < 0) throw new Error(`label not found: ${JSON.stringify(l)}`);
    taken.push([col, col + l.text.length]);
    covered.set(`${l.file}:${l.line}`, taken);
    expected.add(`${l.file}:${l.line}:${col}:${l.term}`);
  }
  const found = new Set<string>();
  for (const file of new Set(labels.map((l) => l.file))) {
    const o = scanNote(seed(file), knowledge.matcher).occurrences;
    for (let i = 0; i < o.length; i += 4) found.add(`${file}:${o[i + 1] + 1}:${o[i + 2]}:${ids[o[i]]}`);
  }
  const hits = [...expected].filter((k) => found.has(k)).length;
  const show = (keys: string[]) => keys.slice(0, 40).map((k) => '    ' + k).join('\n');
  console.log(`Term recognition on ${new Set(labels.map((l) => l.file)).size} seed notes: ${expected.size} labelled mentions, ${found.size} found`);
  console.log(`  recall    ${pct(hits, expected.size)}  (${hits}/${expected.size})`);
  console.log(`  precision ${pct(hits, found.size)}  (${hits}/${found.size})`);
  const missed = [...expected].filter((k) => !found.has(k));
  const extra = [...found].filter((k) => !expected.has(k));
  if (missed.length) console.log(`  missed (file:line:col:term):\n${show(missed)}`);
  if (extra.length) console.log(`  not labelled (file:line:col:term):\n${show(extra)}`);
}

function measureClaims(labels: ClaimLabel[]) {
  const service = new LanguageService({ workspace: { listNotes: async () => [], readNote: async () => new Uint8Array() }, knowledge, locale: 'ko', logger: { info() {}, warn() {} } });
  // A claim counts as found when any fact warning starts on its line.
  const expected = new Map(labels.map((l) => [`${l.file}:${l.line}`, l]));
  const found = new Map<string, string>();
  for (const file of seedFiles()) {
    const doc = TextDocument.create(`file:///seeds/${file}`, 'markdown', 1, seed(file));
    for (const d of service.diagnostics(doc)) if (d.code !== 'service-name') found.set(`${file}:${d.range.start.line + 1}`, String(d.code));
  }
  const hits = [...expected.keys()].filter((k) => found.has(k)).length;
  const falsePositives = [...found.keys()].filter((k) => !expected.has(k));
  console.log(`\nOutdated facts on the seed notes: ${expected.size} labelled claims, ${found.size} warnings`);
  console.log(`  recall          ${pct(hits, expected.size)}  (${hits}/${expected.size})`);
  console.log(`  false positives ${falsePositives.length}`);
  for (const [k, l] of expected) if (!found.has(k)) console.log(`    missed ${k} ${l.fact ?? '(no fact covers it)'}: ${l.claim}`);
  for (const k of falsePositives) console.log(`    false positive ${k} ${found.get(k)}`);
}

function seedFiles(): string[] {
  return readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.md$/.test(f));
}

if (!existsSync(SEEDS)) {
  console.log(`No seed notes at ${SEEDS}: nothing to measure.`);
} else {
  const read = <T>(name: string): T[] => (existsSync(path.join(DEVSET, name)) ? JSON.parse(readFileSync(path.join(DEVSET, name), 'utf8')) : []);
  measureTerms(read<TermLabel>('term-labels.json'));
  measureClaims(read<ClaimLabel>('stale-claims.json'));
}
