// `cloudNotes.quiz.knowledgeShare`, `generatedShare` and `kinds`: what today's queue may hold.
import * as vscode from 'vscode';
import type { QuizItemKind } from '../../../server/src/protocol';
import { DEFAULT_SHARES, type NewCardShares } from './queue';

export function readQueueSettings(): { shares: NewCardShares; kinds?: ReadonlySet<QuizItemKind> } {
  const config = vscode.workspace.getConfiguration('cloudNotes.quiz');
  const kinds = config.get<QuizItemKind[]>('kinds');
  return {
    shares: {
      knowledge: config.get<number>('knowledgeShare', DEFAULT_SHARES.knowledge),
      generated: config.get<number>('generatedShare', DEFAULT_SHARES.generated),
    },
    ...(Array.isArray(kinds) && kinds.length ? { kinds: new Set(kinds) } : {}),
  };
}
