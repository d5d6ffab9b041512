// The bundled glossary: valid against its schema, every file registered, and safe to match.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { GLOSSARY_FILES } from '../server/src/knowledge/glossaryFiles';
import { aliasText } from '../server/src/knowledge/glossary';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { at, serviceOver } from './helpers/service';

const DIR = path.join(__dirname, '../server/knowledge/glossary');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('glossary data', () => {
  it('validates every file against glossary.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(DIR, '../glossary.schema.json'), 'utf8')));
    for (const f of files) {
      const ok = validate(JSON.parse(readFileSync(path.join(DIR, f), 'utf8')));
      assert.ok(ok, `${f}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('registers every file in glossaryFiles.ts', () => {
    assert.equal(GLOSSARY_FILES.length, files.length);
  });

  it('has at least 200 entries with unique ids and resolvable relations', () => {
    const { glossary } = loadKnowledge();
    assert.ok(glossary.entries.length >= 200, `${glossary.entries.length} entries`);
  });

  it('gives no alias to two entries, unless every one of them is bound to its own context', () => {
    const owner = new Map<string, { id: string; bound: boolean }>();
    const { glossary } = loadKnowledge();
    for (const e of glossary.entries) {
      // What the matcher recognises: the aliases (display names that are not aliases are never matched).
      for (const n of e.aliases) {
        const key = aliasText(n)
          .normalize('NFC')
          .replace(/[\s_-]/g, '')
          .toLowerCase();
        const bound = typeof n !== 'string' && !!n.requires;
        const other = owner.get(key);
        assert.ok(!other || other.id === e.id || (other.bound && bound), `"${key}" belongs to ${other?.id} and ${e.id}`);
        if (!other || !bound) {
          owner.set(key, { id: e.id, bound });
        }
      }
    }
  });

  it('knows every glossary id that a dated fact is about', () => {
    const { glossary, facts } = loadKnowledge();
    for (const { fact } of facts.facts) {
      for (const id of fact.about) {
        assert.ok(glossary.get(id), `${fact.id} is about unknown ${id}`);
      }
    }
  });

  it('recognises each entry by its official name and its aliases', () => {
    const { glossary, matcher } = loadKnowledge();
    for (const [i, e] of glossary.entries.entries()) {
      for (const name of [e.name, ...e.aliases.map(aliasText)]) {
        const found = matcher.find(` ${name} `);
        assert.ok(
          found.some((m) => m.entry === i || m.alternatives?.some((a) => a.entry === i)),
          `${e.id}: "${name}" → ${found.map((m) => glossary.entries[m.entry].id).join(',') || 'nothing'}`,
        );
      }
    }
  });

  it('hovers an English phrase that reads as an article and a noun only where its term belongs', async () => {
    const { service, doc } = await serviceOver(loadKnowledge(), {
      'file:///notes/kinesis.md': '# Kinesis Data Streams\n- A record can be at most 1 MB\n',
      'file:///notes/route53.md': '# Route 53\n- A Record : 이름을 IPv4 주소로 바꿈\n',
    });
    const kinesis = doc('file:///notes/kinesis.md');
    assert.equal(service.hover(kinesis, at(kinesis, 'A record')), undefined);
    const route53 = doc('file:///notes/route53.md');
    assert.match((service.hover(route53, at(route53, 'A Record'))?.contents as { value: string }).value, /^\*\*A 레코드/);
  });
});
