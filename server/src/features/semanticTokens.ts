// Semantic tokens: every recognised term, so a learner sees at a glance what the extension
// understood; terms that only the notes define carry the `workspace` modifier.
import type { SemanticTokens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { forEachOccurrence, type ScannedNote } from '../scan/noteScanner';
import type { FeatureContext } from './context';

export const SEMANTIC_TOKEN_TYPES = ['cloudTerm'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['workspace'] as const;
const WORKSPACE = 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf('workspace');

export function semanticTokens(ctx: FeatureContext, doc: TextDocument): SemanticTokens {
  const tokens = [...spans(ctx.scan(doc), 0), ...spans(ctx.scanOwnTerms(doc), WORKSPACE)];
  // Context-bound matches are emitted when their section closes: sort, and drop overlaps (glossary first).
  tokens.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[3] - b[3]);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let end = -1;
  for (const [l, start, length, modifiers] of tokens) {
    if (l === line && start < end) {
      continue;
    }
    data.push(l - line, l === line ? start - char : start, length, 0, modifiers);
    if (l !== line) {
      end = -1;
    }
    line = l;
    char = start;
    end = start + length;
  }
  return { data };
}

function spans(note: ScannedNote, modifiers: number): [line: number, start: number, length: number, modifiers: number][] {
  const out: [number, number, number, number][] = [];
  forEachOccurrence(note, (_entry, line, start, end) => {
    out.push([line, start, end - start, modifiers]);
  });
  return out;
}
