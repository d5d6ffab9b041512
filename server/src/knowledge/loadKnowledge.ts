// Loads the bundled knowledge: the glossary (and the dated facts) from server/knowledge/.
// Files are imported statically so that esbuild bundles them; test/knowledge.test.ts checks that
// every data file on disk is listed here.
import { Glossary, type GlossaryFile } from './glossary';
import { TermMatcher } from '../terms/termMatcher';

export interface Knowledge {
  glossary: Glossary;
  matcher: TermMatcher;
}

export const GLOSSARY_FILES: Record<string, unknown> = {};

export function loadKnowledge(): Knowledge {
  const glossary = new Glossary(Object.values(GLOSSARY_FILES) as GlossaryFile[]);
  return { glossary, matcher: new TermMatcher(glossary) };
}

export function knowledgeFrom(files: GlossaryFile[]): Knowledge {
  const glossary = new Glossary(files);
  return { glossary, matcher: new TermMatcher(glossary) };
}
