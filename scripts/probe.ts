// Hostile-input probes: for each class of input that once stalled the server, how long the language
// service (in memory) takes to answer diagnostics, and how long a hover waits when it is asked while
// diagnostics of the hostile note run in the background. Each class runs in a child process with a
// time limit, so a stall shows as "> limit" instead of hanging the probe.
// Run: npm run probe [-- --root <checkout of another commit>] [-- --limit-s 120] [-- --json]
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

interface Probe {
  name: string;
  chars: number;
  diagnosticsMs: number;
  hoverWaitMs: number;
  quizMs: number;
}

async function probe(root: string, name: string): Promise<Probe> {
  /* eslint-disable @typescript-eslint/no-require-imports -- the service of the checkout under test */
  const { LanguageService } = require(path.join(root, 'server/src/languageService'));
  const { loadKnowledge } = require(path.join(root, 'server/src/knowledge/loadKnowledge'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const text = `# EC2\n\nEC2 는 Xen 위에서 실행된다.\n\n${CLASSES[name]()}\n`;
  const uri = 'file:///probe/hostile.md';
  const service = new LanguageService({
    workspace: new MemoryWorkspace({ [uri]: text, 'file:///probe/plain.md': '# S3\n\nS3 버킷\n' }),
    knowledge: loadKnowledge(),
    locale: 'ko',
    logger: { info: () => {}, warn: () => {} },
  });
  await service.indexWorkspace();
  const plain = TextDocument.create('file:///probe/plain.md', 'markdown', 1, '# S3\n\nS3 버킷\n');
  service.documentChanged(plain);
  service.hover(plain, { line: 2, character: 1 });

  // A hover on another note, asked just after diagnostics of the hostile note start.
  let version = 1;
  const hostile = () => TextDocument.create(uri, 'markdown', ++version, text);
  const background = hostile();
  service.documentChanged(background);
  const asked = performance.now();
  const hoverWait = new Promise<number>((resolve) =>
    setImmediate(() => {
      service.hover(plain, { line: 2, character: 1 });
      resolve(performance.now() - asked);
    }),
  );
  await service.diagnosticsPausing(background);
  const hoverWaitMs = await hoverWait;

  const doc = hostile();
  service.documentChanged(doc);
  let start = performance.now();
  service.diagnostics(doc);
  const diagnosticsMs = performance.now() - start;
  start = performance.now();
  await service.quizItems({ scope: { kind: 'note', uri } });
  return { name, chars: text.length, diagnosticsMs, hoverWaitMs, quizMs: performance.now() - start };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const root = path.resolve(option('--root') ?? path.join(__dirname, '..'));
  const only = option('--class');
  if (only) {
    process.stdout.write(JSON.stringify(await probe(root, only)) + '\n');
    return;
  }
  const limitMs = Number(option('--limit-s') ?? 120) * 1000;
  const rows: (Probe | { name: string; timedOut: true })[] = [];
  for (const name of Object.keys(CLASSES)) {
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, '--root', root, '--class', name], {
      encoding: 'utf8',
      timeout: limitMs,
      maxBuffer: 1 << 20,
    });
    const row = run.status === 0 ? (JSON.parse(run.stdout) as Probe) : { name, timedOut: true as const };
    rows.push(row);
    if (!process.argv.includes('--json')) {
      const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(9);
      process.stdout.write(
        'timedOut' in row
          ? `${name.padEnd(40)} > ${limitMs / 1000} s (or failed: ${run.stderr.split('\n')[0] ?? ''})\n`
          : `${name.padEnd(40)} diagnostics ${ms(row.diagnosticsMs)}  hover waits ${ms(row.hoverWaitMs)}  quiz ${ms(row.quizMs)}\n`,
      );
    }
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  }
}

void main();
