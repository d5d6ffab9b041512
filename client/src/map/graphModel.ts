// The knowledge map's graph: the services the notes mention as nodes (size by mentions, colour by
// outdated claims), the glossary's typed relations as edges, filtered by category or note folder.
// Pure and free of VS Code: the panel's tests and the webview script both use it.
import type { ServicesOverview, ServiceSummary } from '../../../server/src/protocol';

export interface GraphFilter {
  /** A category id, or every category. */
  category?: string;
  /** A folder URI ending in `/`: services mentioned in a note at or below it. */
  folder?: string;
}

export interface GraphNode {
  id: string;
  label: string;
  category: string;
  mentions: number;
  staleClaims: number;
  /** Diameter in pixels. */
  size: number;
  color: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** How many services the filter matched: more than the nodes when only the most mentioned are drawn. */
  matched: number;
}

export const MIN_NODE_SIZE = 24;
export const MAX_NODE_SIZE = 84;
/** Past this many services a graph is a hairball (and slow to lay out): the most mentioned are drawn. */
export const MAX_NODES = 150;

/** No outdated claim, one or two, three or more. */
export const STALE_COLORS = ['#3794ff', '#cca700', '#f14c4c'] as const;

export function staleColor(staleClaims: number): string {
  return STALE_COLORS[staleClaims === 0 ? 0 : staleClaims < 3 ? 1 : 2];
}

/** Area grows with mentions, so the diameter with their square root, relative to the most mentioned service. */
export function nodeSize(mentions: number, mostMentions: number): number {
  const share = mostMentions > 0 ? Math.sqrt(mentions / mostMentions) : 0;
  return Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * share);
}

export function graphModel(overview: ServicesOverview, filter: GraphFilter = {}, maxNodes = MAX_NODES): GraphModel {
  const matched = overview.categories
    .filter((c) => !filter.category || c.id === filter.category)
    .flatMap((c) => c.services)
    .filter((s) => !filter.folder || s.folders.some((f) => f.startsWith(filter.folder!)));
  // The most mentioned (a stable sort: ties in listing order), drawn in listing order.
  const drawn = new Set([...matched].sort((a, b) => b.mentions - a.mentions).slice(0, maxNodes));
  const kept = matched.filter((s) => drawn.has(s));
  const most = Math.max(0, ...kept.map((s) => s.mentions));
  const nodes = kept.map((s: ServiceSummary) => ({
    id: s.termId,
    label: s.name,
    category: s.category,
    mentions: s.mentions,
    staleClaims: s.staleClaims ?? 0,
    size: nodeSize(s.mentions, most),
    color: staleColor(s.staleClaims ?? 0),
  }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = overview.relations
    .filter((r) => ids.has(r.source) && ids.has(r.target))
    .map((r) => ({ id: `${r.source}>${r.target}:${r.type}`, ...r }));
  return { nodes, edges, matched: matched.length };
}

/** The choices of the filter: categories as listed, and every folder a mentioning note is in. */
export function filterChoices(overview: ServicesOverview): { categories: { id: string; label: string }[]; folders: string[] } {
  const folders = new Set(overview.categories.flatMap((c) => c.services.flatMap((s) => s.folders)));
  return { categories: overview.categories.map(({ id, label }) => ({ id, label })), folders: [...folders].sort() };
}
