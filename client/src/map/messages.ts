// Messages between the knowledge map panel and its webview. Plain data; the webview's are checked.
import type { ServicesOverview } from '../../../server/src/protocol';

export interface MapStrings {
  category: string;
  allCategories: string;
  folder: string;
  allFolders: string;
  hint: string;
  /** "Showing the {0} most mentioned of {1}…" */
  mostMentioned: string;
  empty: string;
  /** Node colours: no outdated claim, one or two, three or more. */
  legend: [string, string, string];
  /** Relation type → its name in the UI language. */
  relations: Record<string, string>;
}

export type ToMapWebview = {
  type: 'graph';
  overview: ServicesOverview;
  strings: MapStrings;
  /** Folder URI → how the workspace names it. */
  folderLabels: Record<string, string>;
  /** A service to select and centre. */
  focus?: string;
};

export type FromMapWebview = { type: 'ready' } | { type: 'openTerm'; termId: string };

export function parseFromMapWebview(value: unknown): FromMapWebview | undefined {
  const m = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (m.type === 'ready') {
    return { type: 'ready' };
  }
  return m.type === 'openTerm' && typeof m.termId === 'string' ? { type: 'openTerm', termId: m.termId } : undefined;
}
