// Loads the bundled knowledge from server/knowledge/: the glossary and the dated facts.
// Files are imported statically so that esbuild bundles them; test/knowledge.test.ts checks that
// every data file on disk is listed.
import { Glossary, type GlossaryFile } from './glossary';
import { TermMatcher } from '../terms/termMatcher';
import { TypoFinder } from '../diagnostics/serviceNameTypos';
import { compileFactBook, FACT_FILES, type FactBook, type FactFile } from '../facts/factBook';
import { GLOSSARY_FILES } from './glossaryFiles';

export interface Knowledge {
  glossary: Glossary;
  matcher: TermMatcher;
  typos: TypoFinder;
  facts: FactBook;
}

let builtIn: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  builtIn ??= knowledgeFrom(GLOSSARY_FILES, FACT_FILES);
  return builtIn;
}

export function knowledgeFrom(glossaryFiles: readonly GlossaryFile[], factFiles: readonly FactFile[] = []): Knowledge {
  const glossary = new Glossary(glossaryFiles);
  return { glossary, matcher: new TermMatcher(glossary), typos: new TypoFinder(glossary), facts: compileFactBook(factFiles) };
}
