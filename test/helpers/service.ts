// A language service over an in-memory workspace, with helpers to address positions by marker.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/languageService';
import type { Knowledge } from '../../server/src/knowledge/loadKnowledge';
import type { Locale } from '../../server/src/knowledge/glossary';
import { MemoryWorkspace } from './memoryWorkspace';

export interface TestService {
  service: LanguageService;
  workspace: MemoryWorkspace;
  warnings: string[];
  doc(uri: string): TextDocument;
}

export async function serviceOver(
  knowledge: Knowledge,
  notes: Record<string, string | Uint8Array>,
  locale: Locale = 'ko',
): Promise<TestService> {
  const workspace = new MemoryWorkspace(notes);
  const warnings: string[] = [];
  const service = new LanguageService({ workspace, knowledge, locale, logger: { info: () => {}, warn: (m) => warnings.push(m) } });
  await service.indexWorkspace();
  const doc = (uri: string) => {
    const doc = TextDocument.create(uri, 'markdown', 1, new TextDecoder().decode(workspace.files.get(uri)));
    service.documentChanged(doc);
    return doc;
  };
  return { service, workspace, warnings, doc };
}

/** Position of the `n`th occurrence of `needle` in the document (plus `offset` characters). */
export function at(doc: TextDocument, needle: string, offset = 0, n = 0) {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = doc.getText().indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`"${needle}" not in ${doc.uri}`);
    }
  }
  return doc.positionAt(index + offset);
}
