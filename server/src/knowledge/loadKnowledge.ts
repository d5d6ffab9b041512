// Loads the bundled knowledge from server/knowledge/: the glossary and the dated facts.
// Files are imported statically so that esbuild bundles them; test/knowledge.test.ts checks that
// every data file on disk is listed.
import { Glossary, type GlossaryFile } from './glossary';
import { TermMatcher } from '../terms/termMatcher';
import { TypoFinder } from '../diagnostics/serviceNameTypos';
import { compileFactBook, FACT_FILES, type FactBook, type FactFile } from '../facts/factBook';
import { GLOSSARY_FILES } from './glossaryFiles';
import typoAllowlist from '../../knowledge/typo-allowlist.json';
import { createHash } from 'node:crypto';
import { SCANNER_VERSION } from '../index/indexCache';

export interface Knowledge {
  /** Changes whenever the glossary or the scanner changes: keys the persisted index. */
  fingerprint: string;
  glossary: Glossary;
  matcher: TermMatcher;
  typos: TypoFinder;
  facts: FactBook;
}

let builtIn: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  builtIn ??= knowledgeFrom(GLOSSARY_FILES, FACT_FILES, typoAllowlist.words);
  return builtIn;
}

export function knowledgeFrom(
  glossaryFiles: readonly GlossaryFile[],
  factFiles: readonly FactFile[] = [],
  englishNearMisses: readonly string[] = [],
): Knowledge {
  const glossary = new Glossary(glossaryFiles);
  const fingerprint = createHash('sha1')
    .update(`${SCANNER_VERSION}:${JSON.stringify(glossaryFiles)}`)
    .digest('hex');
  return {
    fingerprint,
    glossary,
    matcher: new TermMatcher(glossary),
    typos: new TypoFinder(glossary, new Set(englishNearMisses)),
    facts: compileFactBook(factFiles, (id) => glossary.withBroader(id)),
  };
}
