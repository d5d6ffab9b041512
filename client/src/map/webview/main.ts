// The knowledge map webview script (bundled with cytoscape to dist/mapWebview.js). Builds its
// controls with DOM calls and textContent only; cytoscape draws labels on a canvas.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { filterChoices, graphModel, STALE_COLORS, type GraphFilter } from '../graphModel';
import type { FromMapWebview, ToMapWebview } from '../messages';

interface VsCodeApi {
  postMessage(message: FromMapWebview): void;
  getState(): unknown;
  setState(state: GraphFilter): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState() as GraphFilter | undefined;
let filter: GraphFilter = { category: saved?.category, folder: saved?.folder };
let data: ToMapWebview | undefined;
let cy: Core | undefined;
/** The nodes and edges cytoscape has laid out: new data for the same ones updates them in place. */
let drawn = '';

// Cytoscape adds a <style> element (position: relative for its container) unless one with this id
// exists; the CSP refuses inline styles, and media/map.css already sets it.
const marker = document.createElement('meta');
marker.id = '__________cytoscape_stylesheet';
document.head.append(marker);

const app = document.getElementById('app')!;
const bar = element('div', 'bar');
const categorySelect = document.createElement('select');
const folderSelect = document.createElement('select');
const hint = element('span', 'hint');
const limit = element('span', 'hint');
const graph = element('div', 'graph');
const legend = element('div', 'legend');
const empty = element('p', 'empty');
app.append(bar, graph, empty, legend);

function element(tag: string, className: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  const label = document.createElement('label');
  label.append(text, ' ', control);
  return label;
}

function options(select: HTMLSelectElement, all: string, choices: { value: string; label: string }[], current: string | undefined): void {
  select.replaceChildren(
    ...[{ value: '', label: all }, ...choices].map(({ value, label }) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      option.selected = value === (current ?? '');
      return option;
    }),
  );
}

function css(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function render(): void {
  if (!data) {
    return;
  }
  const { overview, strings, folderLabels } = data;
  const choices = filterChoices(overview);
  // A filter that no longer matches anything (a folder renamed, a category gone) is dropped.
  if (filter.category && !choices.categories.some((c) => c.id === filter.category)) {
    filter = { ...filter, category: undefined };
  }
  if (filter.folder && !choices.folders.includes(filter.folder)) {
    filter = { ...filter, folder: undefined };
  }
  vscode.setState(filter);
  options(
    categorySelect,
    strings.allCategories,
    choices.categories.map((c) => ({ value: c.id, label: c.label })),
    filter.category,
  );
  options(
    folderSelect,
    strings.allFolders,
    choices.folders.map((f) => ({ value: f, label: folderLabels[f] ?? f })),
    filter.folder,
  );
  hint.textContent = strings.hint;
  bar.replaceChildren(labelled(strings.category, categorySelect), labelled(strings.folder, folderSelect), hint, limit);
  legend.replaceChildren(
    ...strings.legend.map((text, i) => {
      const item = element('span', `legend-item stale-${i}`);
      item.textContent = text;
      return item;
    }),
  );
  const model = graphModel(overview, filter);
  empty.textContent = model.nodes.length ? '' : strings.empty;
  limit.textContent =
    model.matched > model.nodes.length
      ? strings.mostMentioned.replace('{0}', String(model.nodes.length)).replace('{1}', String(model.matched))
      : '';
  const shape = JSON.stringify([model.nodes.map((n) => n.id), model.edges.map((e) => e.id)]);
  if (cy && shape === drawn) {
    // Outdated claims counted, or counts changed: colours and sizes move, positions stay.
    for (const node of model.nodes) {
      cy.getElementById(node.id).data({ ...node });
    }
    return;
  }
  drawn = shape;
  const elements: ElementDefinition[] = [
    ...model.nodes.map((n) => ({ data: { ...n } })),
    ...model.edges.map((e) => ({ data: { ...e, label: strings.relations[e.type] ?? e.type } })),
  ];
  cy?.destroy();
  cy = cytoscape({
    container: graph,
    elements,
    layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true },
    minZoom: 0.2,
    maxZoom: 3,
    style: graphStyle(),
  });
  cy.on('tap', 'node', (event) => vscode.postMessage({ type: 'openTerm', termId: event.target.id() }));
  const focused = data.focus ? cy.getElementById(data.focus) : undefined;
  if (focused?.nonempty()) {
    focused.select();
    cy.center(focused);
  }
}

function graphStyle(): cytoscape.StylesheetJson {
  const text = css('--vscode-foreground', '#cccccc');
  const muted = css('--vscode-descriptionForeground', '#999999');
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: text,
        'font-size': 12,
        'text-valign': 'bottom',
        'text-margin-y': 4,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': text } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': muted,
        'target-arrow-color': muted,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        color: muted,
        'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge[type = "part-of"], edge[type = "uses"], edge[type = "replaced-by"]', style: { 'target-arrow-shape': 'triangle' } },
    { selector: 'edge[type = "compared-with"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[type = "alternative-to"]', style: { 'line-style': 'dotted' } },
  ];
}

categorySelect.addEventListener('change', () => {
  filter = { ...filter, category: categorySelect.value || undefined };
  render();
});
folderSelect.addEventListener('change', () => {
  filter = { ...filter, folder: folderSelect.value || undefined };
  render();
});
window.addEventListener('message', (event: MessageEvent<ToMapWebview>) => {
  if (event.data?.type === 'graph') {
    data = event.data;
    render();
  }
});
document.documentElement.style.setProperty('--stale-0', STALE_COLORS[0]);
document.documentElement.style.setProperty('--stale-1', STALE_COLORS[1]);
document.documentElement.style.setProperty('--stale-2', STALE_COLORS[2]);
vscode.postMessage({ type: 'ready' });
