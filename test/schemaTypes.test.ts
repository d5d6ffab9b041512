// The knowledge files' types come from their JSON schemas (npm run generate:schema-types).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SCHEMAS, SCHEMA_TYPES, schemaTypes } from '../scripts/generateSchemaTypes';
import type { CloudStudyNotesDatedFactsFile } from '../server/src/knowledge/schemaTypes/facts';
import type { FactFile } from '../server/src/facts/factBook';

// The fact types the claim matcher reads are simpler than the schema's (no tuples of a minimum
// length, no conditional parts); the compiler checks that every file the schema accepts is one.
export const factsFromSchema = (file: CloudStudyNotesDatedFactsFile): FactFile => file;

describe('schema types', () => {
  for (const name of SCHEMAS) {
    it(`are current for ${name}.schema.json`, async () => {
      const written = readFileSync(path.join(SCHEMA_TYPES, `${name}.ts`), 'utf8');
      assert.equal(written, await schemaTypes(name), 'run npm run generate:schema-types');
    });
  }
});
