// Prints a seeded sample of quiz items per kind generated from a folder of notes (by default the
// dev corpus in ../shared/devcorpus), to read them as a learner would: `npm run quiz:sample -- [dir] [--per-kind 25] [--seed 1]`.
// It draws as the review queue does, which buries siblings: one item per group (a table, a section,
// a glossary entry) until every group has given one, so one big table does not fill the sample.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../server/src/languageService';
import { FileWorkspace } from '../server/src/workspace/fileWorkspace';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import type { QuizItem } from '../server/src/protocol';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const perKind = option('--per-kind', 25);
const seed = option('--seed', 1);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? defaultCorpus();

function defaultCorpus(): string {
  const found = ['../shared/devcorpus', '../../shared/devcorpus'].map((p) => path.resolve(__dirname, '..', p)).find(existsSync);
  if (!found) {
    console.error('No dev corpus at ../shared/devcorpus: pass a folder of notes.');
    process.exit(2);
  }
  return found;
}

/** mulberry32: the same seed gives the same sample. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const pool = [...items];
  return items.map(() => pool.splice(Math.floor(next() * pool.length), 1)[0]);
}

/** The items in order, each group's first item before any group's second, and so on. */
function siblingsLast(items: readonly QuizItem[]): QuizItem[] {
  const seen = new Map<string, number>();
  const rank = items.map((item) => {
    const key = item.group ?? item.id;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return seen.get(key)!;
  });
  return items
    .map((item, i) => ({ item, rank: rank[i], i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}

/** The workspace quiz of the folder, as the language server makes it. */
async function quizOfFolder(): Promise<QuizItem[]> {
  const service = new LanguageService({
    workspace: new FileWorkspace([path.resolve(dir)]),
    knowledge: loadKnowledge(),
    locale: 'ko',
    logger: { info() {}, warn: (m) => console.error(m) },
  });
  await service.indexWorkspace();
  return service.quizItems({ scope: { kind: 'all' } });
}

void quizOfFolder().then((items) => {
  const byKind = new Map<string, QuizItem[]>();
  for (const item of items) {
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  }
  const next = random(seed);
  for (const [kind, all] of byKind) {
    const sample = siblingsLast(shuffled(all, next)).slice(0, perKind);
    const groups = new Set(all.map((item) => item.group ?? item.id)).size;
    const drawn = new Set(sample.map((item) => item.group ?? item.id)).size;
    console.log(`\n## ${kind}: ${sample.length} of ${all.length} (from ${drawn} of ${groups} groups)\n`);
    sample.forEach((item, n) => {
      const where = item.source ? ` (${path.basename(decodeURIComponent(item.source.uri))}:${item.source.line + 1})` : '';
      console.log(`${n + 1}. Q: ${item.prompt}${where}`);
      if (item.choices) {
        console.log(`   options: ${item.choices.map((c, i) => (i === item.answerIndex ? `[${c}]` : c)).join(' | ')}`);
      }
      console.log(`   A: ${item.answer}`);
      if (item.explanation) {
        console.log(`   why: ${item.explanation}`);
      }
      for (const finding of item.stale ?? []) {
        console.log(`   stale: note says "${finding.noted}", now: ${finding.current}`);
      }
    });
  }
});
