// Development measurement on real study notes that are never copied into the project: the five seeds
// (../shared/seeds) and the dev corpus of 113 notes nobody tuned the extension to (../shared/devcorpus).
// Labels live in test/devset/<set>/: terms.json (every term mention of the labelled notes) and
// claims.json (stale claims, and for the dev corpus the still-true lines that must stay quiet). The
// `heldout` set labels other dev-corpus notes after all tuning, to see whether the figures generalise;
// its extents.json (file → last labelled line) bounds a note labelled only in part.
// Run: npm run measure [-- --json] [-- --verbose]
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanNote } from '../server/src/scan/noteScanner';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { LanguageService } from '../server/src/languageService';
import { aliasText } from '../server/src/knowledge/glossary';
import { matchKey } from '../server/src/terms/spellingFold';
import { splitLines } from '../server/src/text/lineMap';

/** A term mention a person marked: file, 1-based line, 1-based column (UTF-16; seeds: first free place of `text`), the text as written, the glossary id. */
interface TermLabel {
  file: string;
  line: number;
  col?: number;
  text: string;
  term: string;
}

/** A claim a person marked on a line: stale (with the fact that covers it, or null) or still true ("ok"). */
interface ClaimLabel {
  file: string;
  line: number;
  claim?: string;
  text?: string;
  kind?: 'stale' | 'ok';
  category?: string;
  fact: string | null;
}

const CORPORA = { seeds: '../../shared/seeds', devcorpus: '../../shared/devcorpus', heldout: '../../shared/devcorpus' } as const;
type Corpus = keyof typeof CORPORA;

const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');
const log = (s: string) => json || console.log(s);
const knowledge = loadKnowledge();
const ids = knowledge.glossary.entries.map((e) => e.id);
const ratio = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 1000 : null);
const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) + ' %' : 'n/a');

function measureTerms(corpus: Corpus, read: (file: string) => string, labels: TermLabel[], extents: Record<string, number>) {
  const lines = (file: string) => splitLines(read(file));
  // Place labels longest first; one without a column takes the first place of its text that no other label covers.
  const gold: { key: string; file: string; line: number; start: number; end: number; term: string; label: TermLabel }[] = [];
  const covered = new Map<string, [number, number][]>();
  for (const l of [...labels].sort((a, b) => b.text.length - a.text.length)) {
    const lineText = lines(l.file)[l.line - 1] ?? '';
    const taken = covered.get(`${l.file}:${l.line}`) ?? [];
    let col = l.col !== undefined ? l.col - 1 : -1;
    if (l.col === undefined) {
      do {
        col = lineText.indexOf(l.text, col + 1);
      } while (col >= 0 && taken.some(([s, e]) => col < e && col + l.text.length > s));
    }
    if (col < 0 || lineText.slice(col, col + l.text.length) !== l.text) {
      throw new Error(`label not found: ${JSON.stringify(l)}`);
    }
    taken.push([col, col + l.text.length]);
    covered.set(`${l.file}:${l.line}`, taken);
    gold.push({
      key: `${l.file}:${l.line}:${col + 1}:${l.term}`,
      file: l.file,
      line: l.line - 1,
      start: col,
      end: col + l.text.length,
      term: l.term,
      label: l,
    });
  }
  const found: { file: string; line: number; start: number; end: number; term: string; text: string }[] = [];
  for (const file of new Set(labels.map((l) => l.file))) {
    const o = scanNote(read(file), knowledge.matcher).occurrences;
    const text = lines(file);
    const lastLine = (extents[file] ?? Infinity) - 1;
    for (let i = 0; i < o.length && o[i + 1] <= lastLine; i += 4) {
      found.push({ file, line: o[i + 1], start: o[i + 2], end: o[i + 3], term: ids[o[i]], text: text[o[i + 1]].slice(o[i + 2], o[i + 3]) });
    }
  }
  // A found mention is right when it overlaps a label of the same term on the same line (one to one).
  const byLine = new Map<string, typeof found>();
  for (const f of found) {
    byLine.set(`${f.file}:${f.line}`, [...(byLine.get(`${f.file}:${f.line}`) ?? []), f]);
  }
  const used = new Set<(typeof found)[number]>();
  const missed: typeof gold = [];
  for (const g of gold) {
    const hit = (byLine.get(`${g.file}:${g.line}`) ?? []).find(
      (f) => !used.has(f) && f.term === g.term && f.start < g.end && g.start < f.end,
    );
    if (hit) {
      used.add(hit);
    } else {
      missed.push(g);
    }
  }
  const extra = found.filter((f) => !used.has(f));
  const hits = gold.length - missed.length;
  const unknown = new Set(gold.filter((g) => !ids.includes(g.term)).map((g) => g.term));
  log(`\nTerms, ${corpus}: ${new Set(labels.map((l) => l.file)).size} notes, ${gold.length} labelled mentions, ${found.length} found`);
  log(`  recall    ${pct(hits, gold.length)}  (${hits}/${gold.length})`);
  log(`  precision ${pct(used.size, found.length)}  (${used.size}/${found.length})`);
  if (unknown.size) {
    log(`  ${unknown.size} labelled concepts are not in the glossary`);
  }
  const byCategory = new Map<string, [number, number]>();
  const missedSet = new Set(missed);
  for (const g of gold) {
    for (const c of categoriesOf(g.label, lines(g.file), g.line)) {
      const [h, n] = byCategory.get(c) ?? [0, 0];
      byCategory.set(c, [h + Number(!missedSet.has(g)), n + 1]);
    }
  }
  for (const [c, [h, n]] of [...byCategory].sort()) {
    log(`    ${c.padEnd(22)} ${pct(h, n)} (${h}/${n})`);
  }
  const show = <T>(rows: T[], fmt: (r: T) => string) =>
    log(
      rows
        .slice(0, verbose ? Infinity : 30)
        .map((r) => '    ' + fmt(r))
        .join('\n'),
    );
  if (missed.length) {
    log(`  missed (file:line:col term "text"):`);
    show(missed, (g) => `${g.key.replace(/:[^:]*$/, '')} ${g.term} "${g.label.text}"`);
  }
  if (extra.length) {
    log(`  found, not labelled (file:line:col term "text"):`);
    show(extra, (f) => `${f.file}:${f.line + 1}:${f.start + 1} ${f.term} "${f.text}"`);
  }
  return {
    gold: gold.length,
    found: found.length,
    recall: ratio(hits, gold.length),
    precision: ratio(used.size, found.length),
    byCategory: Object.fromEntries([...byCategory].map(([c, [h, n]]) => [c, { gold: n, recall: ratio(h, n) }])),
  };
}

const VENDOR = /^(?:aws|amazon|아마존)[\s-]/i;
const HANGUL = /[\uac00-\ud7a3]/;
const HTML_START = /^ {0,3}<[A-Za-z!/]/;

/**
 * What kind of mention a label is: its concept (a service, a feature of one, another term), and the
 * spelling rules it needs (a vendor prefix, a Korean loanword variant, text inside an HTML block).
 */
function categoriesOf(label: TermLabel, fileLines: string[], line: number): string[] {
  const entry = knowledge.glossary.get(label.term);
  if (!entry) {
    return ['not in glossary'];
  }
  const out = [
    /^(?:Amazon|AWS) /.test(entry.name)
      ? 'service name'
      : entry.relations?.some((r) => r.type === 'part-of')
        ? 'feature concept'
        : 'other concept',
  ];
  const names = [entry.name, entry.shortName, entry.nameKo, ...entry.aliases.map(aliasText)].map((n) =>
    n.toLowerCase().replace(/[\s_-]/g, ''),
  );
  const written = label.text.toLowerCase().replace(/[\s_-]/g, '');
  if (VENDOR.test(label.text) && !names.includes(written)) {
    out.push('vendor prefix');
  }
  if (HANGUL.test(label.text) && !names.includes(written) && names.map(matchKey).includes(matchKey(written))) {
    out.push('loanword variant');
  }
  let k = line;
  while (k > 0 && fileLines[k].trim() && !HTML_START.test(fileLines[k])) {
    k--;
  }
  if (HTML_START.test(fileLines[k]) && !/^\s*<!--/.test(fileLines[k])) {
    out.push('HTML-block text');
  }
  return out;
}

function measureClaims(corpus: Corpus, read: (file: string) => string, files: string[], labels: ClaimLabel[]) {
  const service = new LanguageService({
    workspace: { listNotes: async () => [], readNote: async () => new Uint8Array() },
    knowledge,
    locale: 'ko',
    logger: { info() {}, warn() {} },
  });
  const stale = new Map(labels.filter((l) => l.kind !== 'ok').map((l) => [`${l.file}:${l.line}`, l]));
  const ok = new Set(labels.filter((l) => l.kind === 'ok').map((l) => `${l.file}:${l.line}`));
  // A claim counts as found when any fact warning starts on its line.
  const found = new Map<string, string>();
  for (const file of files) {
    const doc = TextDocument.create(`file:///${corpus}/${file}`, 'markdown', 1, read(file));
    for (const d of service.diagnostics(doc)) {
      if (d.kind === 'fact') {
        found.set(`${file}:${d.range.start.line + 1}`, d.ruleId);
      }
    }
  }
  const hits = [...stale.keys()].filter((k) => found.has(k)).length;
  // A line may state a stale and a still-true value: a warning there counts for the stale one.
  const falsePositives = [...found.keys()].filter((k) => !stale.has(k) && (ok.has(k) || corpus === 'seeds'));
  const unlabelled = [...found.keys()].filter((k) => !ok.has(k) && !stale.has(k));
  log(`\nOutdated facts, ${corpus}: ${stale.size} labelled claims, ${ok.size} still-true lines, ${found.size} warnings`);
  log(`  recall          ${pct(hits, stale.size)}  (${hits}/${stale.size})`);
  log(`  false positives ${falsePositives.length}${ok.size ? ` (${pct(falsePositives.length, ok.size)} of still-true lines)` : ''}`);
  const categories = new Map<string, [number, number]>();
  for (const [k, l] of stale) {
    const c = categories.get(l.category ?? '') ?? [0, 0];
    categories.set(l.category ?? '', [c[0] + Number(found.has(k)), c[1] + 1]);
  }
  if (categories.size > 1) {
    for (const [c, [h, n]] of categories) {
      log(`    ${c.padEnd(20)} ${pct(h, n)} (${h}/${n})`);
    }
  }
  for (const [k, l] of stale) {
    if (!found.has(k)) {
      log(`    missed ${k} ${l.fact ?? '(no fact covers it)'}: ${l.claim ?? l.text}`);
    }
  }
  for (const k of falsePositives) {
    log(`    false positive ${k} ${found.get(k)}`);
  }
  if (corpus !== 'seeds') {
    for (const k of unlabelled) {
      log(`    warning on an unlabelled line ${k} ${found.get(k)}`);
    }
  }
  return {
    stale: stale.size,
    recall: ratio(hits, stale.size),
    falsePositives: falsePositives.length,
    ...(corpus !== 'seeds' ? { okLines: ok.size, unlabelledWarnings: unlabelled.length } : {}),
  };
}

const result: Record<string, unknown> = {};
for (const corpus of Object.keys(CORPORA) as Corpus[]) {
  const dir = path.resolve(__dirname, CORPORA[corpus]);
  const labels = path.resolve(__dirname, '../test/devset', corpus);
  if (!existsSync(dir)) {
    log(`No notes at ${dir}: ${corpus} not measured.`);
    continue;
  }
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const load = <T>(name: string, none: T): T =>
    existsSync(path.join(labels, name)) ? JSON.parse(readFileSync(path.join(labels, name), 'utf8')) : none;
  const terms = load<TermLabel[]>('terms.json', []);
  const claims = load<ClaimLabel[]>('claims.json', []);
  if (!terms.length && !claims.length) {
    continue;
  }
  // Claims are measured on the notes whose claims were labelled (the seeds: all five).
  const claimFiles = [...new Set(claims.map((c) => c.file))];
  result[corpus] = {
    terms: measureTerms(corpus, read, terms, load('extents.json', {})),
    claims: measureClaims(corpus, read, claimFiles, claims),
  };
}
if (json) {
  console.log(JSON.stringify(result, null, 2));
}
