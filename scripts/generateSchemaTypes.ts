// Writes the TypeScript types of the knowledge files from their JSON schemas, so the code's types
// never drift from what the schemas validate: npm run generate:schema-types (a test checks they are current).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const ROOT = path.join(__dirname, '..');
const KNOWLEDGE = path.join(ROOT, 'server', 'knowledge');
export const SCHEMA_TYPES = path.join(ROOT, 'server', 'src', 'knowledge', 'schemaTypes');
export const SCHEMAS = ['glossary', 'facts', 'attributes'] as const;

export async function schemaTypes(name: (typeof SCHEMAS)[number]): Promise<string> {
  const schema = JSON.parse(readFileSync(path.join(KNOWLEDGE, `${name}.schema.json`), 'utf8')) as JSONSchema;
  const body = await compile(schema, name, {
    bannerComment: `// Generated from server/knowledge/${name}.schema.json by npm run generate:schema-types. Do not edit.`,
    additionalProperties: false,
    style: { printWidth: 140, singleQuote: true, trailingComma: 'all' },
  });
  return body;
}

if (require.main === module) {
  void (async () => {
    for (const name of SCHEMAS) {
      writeFileSync(path.join(SCHEMA_TYPES, `${name}.ts`), await schemaTypes(name));
    }
  })();
}
