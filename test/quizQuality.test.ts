// What a learner would notice across the real knowledge and real notes: a multiple-choice prompt
// that still names its answer, a fact card whose wording gives its answer away, two cards of one
// note that ask the same and expect different answers. The corpus checks read the seed notes and
// the dev corpus (../shared) when they are there, and are skipped where they are not.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { knowledgeFrom, loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { aliasText } from '../server/src/knowledge/glossary';
import { noteQuestions, quizFromNotes } from '../server/src/features/quizItems';
import { diagnosticsContext } from '../server/src/features/diagnostics';
import { glossaryQuestions } from '../server/src/quiz/glossaryQuestions';
import { CONFUSABLES } from '../server/src/quiz/confusables';
import { normalizeKey } from '../server/src/quiz/cardIds';
import { BLANK } from '../server/src/quiz/quizStrings';
import type { QuizItem } from '../server/src/protocol';

const knowledge = loadKnowledge();
const ROOT = path.resolve(__dirname, '..');

describe('quiz: glossary multiple choice', () => {
  const all = new Set(knowledge.glossary.entries.map((e) => e.id));
  const items = (['ko', 'en'] as const).flatMap((locale) => glossaryQuestions(knowledge, locale, all));

  it('leaves no name, alias or content word of the answer in the description', () => {
    const leaks: string[] = [];
    for (const item of items.filter((i) => i.id.endsWith(':name'))) {
      const entry = knowledge.glossary.get(item.termIds[0])!;
      const clue = item.prompt.split('\n').slice(1).join('\n').split(BLANK).join(' ');
      const words = [entry.name, entry.shortName, entry.nameKo, ...entry.aliases.map(aliasText)].flatMap((n) =>
        n
          .split(/[\s()/,·\-–:]+/)
          .filter(
            (w) => [...w].length >= 2 && /[\p{L}\p{N}]/u.test(w) && !/^(?:amazon|aws|for|and|the|of|on|in|to|with|an|및|의)$/i.test(w),
          ),
      );
      for (const word of words) {
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const re = /^\p{Script=Hangul}/u.test(word)
          ? new RegExp(escaped, 'u')
          : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{Script=Latin}\\p{N}])`, 'iu');
        if (re.test(clue)) {
          leaks.push(`${item.id}: "${word}" in ${clue}`);
        }
      }
    }
    assert.deepEqual(leaks.slice(0, 10), []);
  });

  it('offers the curated confusables first: security group against network ACL, short against long polling', () => {
    const options = (id: string) => items.find((i) => i.id === `glossary:${id}:name` && /[가-힣]/.test(i.prompt))?.choices ?? [];
    assert.ok(
      options('security-group').some((c) => c.includes('Network ACL')),
      options('security-group').join(' | '),
    );
    assert.ok(
      options('short-polling').some((c) => c.includes('Long Polling')),
      options('short-polling').join(' | '),
    );
    assert.ok(
      options('dedicated-host').some((c) => c.includes('Dedicated Instance')),
      options('dedicated-host').join(' | '),
    );
  });

  it('offers, of the entries of the same kind, the ones whose definitions say most of what the answer says', () => {
    const service = (id: string, en: string) => ({
      id,
      name: `Amazon ${id}`,
      shortName: id,
      nameKo: id,
      aliases: [id],
      category: 'storage' as const,
      definition: { ko: `${id} 는 저장소 서비스입니다.`, en },
      docs: 'https://example.com/',
    });
    const team = knowledgeFrom([
      {
        version: 1,
        entries: [
          service('Alpha', 'Alpha stores objects in buckets under keys.'),
          service('Beta', 'Beta stores archives in vaults under keys.'),
          service('Gamma', 'Gamma stores files in buckets for analytics.'),
          service('Delta', 'Delta keeps objects for years across regions.'),
          ...['Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota', 'Kappa'].map((id) => service(id, `${id} sends notifications to phones.`)),
        ],
      },
    ]);
    const [alpha] = glossaryQuestions(team, 'en', new Set(['Alpha'])).filter((i) => i.id === 'glossary:Alpha:name');
    assert.deepEqual([...alpha.choices!].sort(), ['Amazon Alpha', 'Amazon Beta', 'Amazon Delta', 'Amazon Gamma']);
  });

  it('keeps its confusables data valid: the schema, glossary ids only, no group listed twice', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'server/knowledge/confusables.schema.json'), 'utf8'));
    assert.ok(
      ajv.validate(schema, JSON.parse(readFileSync(path.join(ROOT, 'server/knowledge/confusables.json'), 'utf8'))),
      ajv.errorsText(),
    );
    assert.deepEqual(
      [...CONFUSABLES.groups.flat(), ...(CONFUSABLES.overlapping ?? []).flatMap((o) => o.ids)].filter((id) => !knowledge.glossary.get(id)),
      [],
    );
    const keys = CONFUSABLES.groups.map((g) => [...g].sort().join(' '));
    assert.equal(new Set(keys).size, keys.length);
  });

  it('keeps its loanword list valid: the schema, an English word and a Korean one per pair', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'server/knowledge/loanwords.schema.json'), 'utf8'));
    assert.ok(ajv.validate(schema, JSON.parse(readFileSync(path.join(ROOT, 'server/knowledge/loanwords.json'), 'utf8'))), ajv.errorsText());
  });
});

const corpora = ['seeds', 'devcorpus']
  .map((name) => ['../shared', '../../shared'].map((base) => path.resolve(ROOT, base, name)).find(existsSync))
  .filter((dir): dir is string => dir !== undefined);

describe('quiz: on the seed notes and the dev corpus', function () {
  this.timeout(180_000);
  let perNote: QuizItem[][] = [];
  let factsByLocale: QuizItem[][] = [];

  before(function () {
    if (corpora.length < 2) {
      this.skip();
    }
    const notes = corpora.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => ({ uri: pathToFileURL(path.join(dir, f)).toString(), text: readFileSync(path.join(dir, f), 'utf8') })),
    );
    const questions = notes.map((note) =>
      noteQuestions(note, { knowledge, locale: 'ko', checker: diagnosticsContext(knowledge, 'ko') }, {}),
    );
    perNote = questions.map((q) => q.items);
    factsByLocale = (['ko', 'en'] as const).map((locale) =>
      quizFromNotes({ knowledge, locale, checker: diagnosticsContext(knowledge, locale) }, { kind: 'all' }, questions).filter(
        (i) => i.kind === 'fact',
      ),
    );
  });

  it('asks no two questions of one note with the same prompt and different answers', () => {
    const clashes: string[] = [];
    for (const items of perNote) {
      const answers = new Map<string, Set<string>>();
      for (const item of items) {
        const key = normalizeKey(item.prompt);
        answers.set(key, (answers.get(key) ?? new Set()).add(normalizeKey(item.answer)));
      }
      clashes.push(...items.filter((i) => answers.get(normalizeKey(i.prompt))!.size > 1).map((i) => `${i.source!.uri}: ${i.prompt}`));
    }
    assert.deepEqual(clashes.slice(0, 10), []);
  });

  it('asks each fact once, and no simple rule on its wording predicts the answer better than 60 %', () => {
    for (const inLocale of factsByLocale) {
      const facts = inLocale.map((f) => f.id.replace(/~\d+$/, ''));
      assert.equal(new Set(facts).size, facts.length);
    }
    const facts = factsByLocale.flat();
    assert.ok(facts.length > 100, `${facts.length} fact questions`);
    const statement = (i: QuizItem) => i.prompt.split('\n').slice(1, -1).join(' ') || i.prompt;
    const rules: Record<string, (i: QuizItem) => string | undefined> = {
      'always true': () => 'O',
      'always false': () => 'X',
      'polite ending means true': (i) => (/(?:니다|습니다)\.?$/.test(statement(i)) ? 'O' : 'X'),
      'the longest option': (i) => i.choices?.reduce((a, b) => (b.length > a.length ? b : a)),
      'the first option': (i) => i.choices?.[0],
      'the option in the polite style': (i) => i.choices?.find((c) => /니다\.?$/.test(c)),
      'the answer is in the question': (i) => (i.prompt.includes(i.answer) ? i.answer : undefined),
    };
    for (const [name, rule] of Object.entries(rules)) {
      const right = facts.filter((i) => rule(i) === i.answer).length;
      assert.ok(right <= 0.6 * facts.length, `"${name}" predicts ${right} of ${facts.length}`);
    }
  });
});
