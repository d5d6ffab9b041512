import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES } from '../server/src/knowledge/glossary';
import { categoryLabel } from '../server/src/l10n';

const ROOT = path.join(__dirname, '..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

describe('client localization', () => {
  it('has a Korean translation for every string the extension localizes', () => {
    const bundle = json('l10n/bundle.l10n.ko.json');
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'client', 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:l10n\.)?t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        used.add(m[1]);
      }
    }
    assert.ok(used.size > 40, `found only ${used.size} strings: the pattern is broken`);
    assert.deepEqual(
      [...used].filter((s) => typeof bundle[s] !== 'string'),
      [],
    );
    assert.deepEqual(
      Object.keys(bundle).filter((s) => !used.has(s)),
      [],
      'translations nothing uses',
    );
  });

  it('names every glossary category of the schema in both languages, in one place (the server)', () => {
    assert.equal(CATEGORIES.length, 15);
    for (const locale of ['ko', 'en'] as const) {
      const names = CATEGORIES.map((c) => categoryLabel(locale, c));
      assert.deepEqual(
        CATEGORIES.filter((c, i) => names[i] === c),
        [],
        locale,
      );
      assert.equal(new Set(names).size, CATEGORIES.length, locale);
    }
  });

  it('has English and Korean manifest strings for every %key% in package.json', () => {
    const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.includes('cloudNotes.openQuiz.title'));
    for (const file of ['package.nls.json', 'package.nls.ko.json']) {
      const nls = json(file);
      assert.deepEqual(
        keys.filter((k) => typeof nls[k] !== 'string'),
        [],
        file,
      );
    }
    assert.equal(json('package.json').l10n, './l10n');
  });
});
