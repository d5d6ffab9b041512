// Writes server/knowledge/typo-allowlist.json: the English words that the service-name typo
// check would otherwise take for misspellings (`Redshirt` for Redshift). Run after glossary
// changes: npm run generate:typo-allowlist (test/serviceNameTypos.test.ts checks it is current).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import englishWords from 'an-array-of-english-words';
import { TypoFinder } from '../server/src/diagnostics/serviceNameTypos';
import { Glossary } from '../server/src/knowledge/glossary';
import { GLOSSARY_FILES } from '../server/src/knowledge/glossaryFiles';

export const ALLOWLIST_FILE = path.join(__dirname, '../server/knowledge/typo-allowlist.json');

export function typoAllowlist(): { version: 1; words: string[] } {
  const finder = new TypoFinder(new Glossary(GLOSSARY_FILES));
  return { version: 1, words: englishWords.filter((w) => w.length >= 4 && finder.closest(w)).sort() };
}

if (require.main === module) {
  const list = typoAllowlist();
  writeFileSync(ALLOWLIST_FILE, JSON.stringify(list, null, 1) + '\n');
  console.log(`${list.words.length} English words near service names → ${path.relative(process.cwd(), ALLOWLIST_FILE)}`);
}
