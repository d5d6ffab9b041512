// Reads the team's knowledge files (`.cloud-notes/glossary.json`, `facts.json`) of some folders.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { USER_KNOWLEDGE_FILES, USER_KNOWLEDGE_FOLDER, type UserKnowledgeKind, type UserKnowledgeSource } from '../knowledge/userKnowledge';

/** The knowledge files in each folder's `.cloud-notes/`; `knowledgeDirs` holds the files directly (the CLI's `--knowledge-dir`). */
export async function readUserKnowledge(folders: readonly string[], knowledgeDirs: readonly string[] = []): Promise<UserKnowledgeSource[]> {
  const dirs = [...folders.map((f) => path.join(f, USER_KNOWLEDGE_FOLDER)), ...knowledgeDirs];
  const sources: UserKnowledgeSource[] = [];
  for (const dir of dirs) {
    for (const kind of Object.keys(USER_KNOWLEDGE_FILES) as UserKnowledgeKind[]) {
      const file = path.join(dir, USER_KNOWLEDGE_FILES[kind]);
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) {
        sources.push({ uri: URI.file(file).toString(), kind, text });
      }
    }
  }
  return sources;
}
