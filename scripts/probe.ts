// Hostile-input probes: for each class of input that once stalled the server, how long the language
// service (in memory, cold each time) takes for diagnostics of the note open in the editor, how long
// a hover on another note waits when asked while diagnostics run in the background, and how long the
// workspace quiz takes with the note on disk. Each class runs in a child process with a time limit,
// so a stall shows as "> limit" instead of hanging the probe.
// Run: npm run probe [-- --root <checkout of another commit>] [-- --limit-s 100] [-- --json]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { HOSTILE_SECTIONS } from '../test/helpers/hostileInputs';
import { MemoryWorkspace } from '../test/helpers/memoryWorkspace';

const CLASSES: Record<string, () => string> = {
  ...Object.fromEntries(Object.entries(HOSTILE_SECTIONS).map(([name, text]) => [name, () => text])),
  '400 repeated nested sections': () =>
    Array.from(
      { length: 400 },
      () => `## 반복\n\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i % 8)}- EC2 항목 ${i % 8}`).join('\n')}\n`,
    ).join('\n'),
  'card separators on one line': () => 'a::'.repeat(80_000),
  'one 1 MB line': () => 'EC2 는 Xen 위에서 실행. '.repeat(60_000),
  'binary bytes': () => String.fromCharCode(...Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)),
};

type Metric = 'diagnosticsMs' | 'hoverWaitMs' | 'quizMs';
type Probe = { name: string } & Partial<Record<Metric, number>>;

/** Prints each measurement as soon as it is taken, so a later stall still leaves the earlier ones. */
async function probe(root: string, name: string): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports -- the service of the checkout under test */
  const { LanguageService } = require(path.join(root, 'server/src/languageService'));
  const { loadKnowledge } = require(path.join(root, 'server/src/knowledge/loadKnowledge'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const knowledge = loadKnowledge();
  const text = `# EC2\n\nEC2 는 Xen 위에서 실행된다.\n\n${CLASSES[name]()}\n`;
  const uri = 'file:///probe/hostile.md';
  const plainText = '# S3\n\nS3 버킷\n';
  const plain = TextDocument.create('file:///probe/plain.md', 'markdown', 1, plainText);
  const hostile = TextDocument.create(uri, 'markdown', 1, text);
  const fresh = async () => {
    const service = new LanguageService({
      workspace: new MemoryWorkspace({ [uri]: text, [plain.uri]: plainText }),
      knowledge,
      locale: 'ko',
      logger: { info: () => {}, warn: () => {} },
    });
    await service.indexWorkspace();
    service.documentChanged(plain);
    service.hover(plain, { line: 2, character: 1 });
    return service;
  };
  const report = (metric: Metric, ms: number) => process.stdout.write(JSON.stringify({ metric, ms }) + '\n');

  let service = await fresh();
  service.documentChanged(hostile);
  let start = performance.now();
  service.diagnostics(hostile);
  report('diagnosticsMs', performance.now() - start);

  // A hover on another note, asked just after diagnostics of the hostile note start in the background.
  service = await fresh();
  service.documentChanged(hostile);
  const asked = performance.now();
  const hoverWait = new Promise<number>((resolve) =>
    setImmediate(() => {
      service.hover(plain, { line: 2, character: 1 });
      resolve(performance.now() - asked);
    }),
  );
  await service.diagnosticsPausing(hostile);
  report('hoverWaitMs', await hoverWait);

  service = await fresh();
  start = performance.now();
  await service.quizItems({ scope: { kind: 'all' } });
  report('quizMs', performance.now() - start);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const root = path.resolve(option('--root') ?? path.join(__dirname, '..'));
  const only = option('--class');
  if (only) {
    await probe(root, only);
    return;
  }
  const limitMs = Number(option('--limit-s') ?? 100) * 1000;
  const rows: Probe[] = [];
  for (const name of Object.keys(CLASSES)) {
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, '--root', root, '--class', name], {
      encoding: 'utf8',
      timeout: limitMs,
      maxBuffer: 1 << 20,
    });
    const row: Probe = { name };
    for (const line of run.stdout.split('\n').filter(Boolean)) {
      const { metric, ms } = JSON.parse(line) as { metric: Metric; ms: number };
      row[metric] = ms;
    }
    rows.push(row);
    if (!process.argv.includes('--json')) {
      const cell = (metric: Metric) => (row[metric] === undefined ? `> ${limitMs / 1000} s` : `${row[metric]!.toFixed(0)} ms`).padStart(9);
      process.stdout.write(
        `${name.padEnd(38)} diagnostics ${cell('diagnosticsMs')}  hover waits ${cell('hoverWaitMs')}  quiz ${cell('quizMs')}\n`,
      );
    }
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  }
}

void main();
