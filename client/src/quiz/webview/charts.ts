// The stats view's pictures: reviews per day as bars and true retention over time as a line, in
// inline SVG built with DOM calls. Attributes get only finite numbers; text goes through textContent.
import type { DayStats } from '../stats';
import type { UiStrings } from './messages';
import { format } from './viewState';

export type SvgDocument = Pick<Document, 'createElement' | 'createElementNS'>;

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 110;
const LEFT = 34;
const TOP = 8;
const BOTTOM = 18;
const PLOT_W = WIDTH - LEFT - 4;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** A number as an attribute value: rounded to a tenth, never NaN or Infinity. */
export function num(value: number): string {
  return String(Number.isFinite(value) ? Math.round(value * 10) / 10 : 0);
}

function svgEl(doc: SvgDocument, tag: string, attributes: Record<string, number | string>, title?: string): SVGElement {
  const node = doc.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, typeof value === 'number' ? num(value) : value);
  }
  if (title !== undefined) {
    const t = doc.createElementNS(SVG_NS, 'title');
    t.textContent = title;
    node.append(t);
  }
  return node;
}

function label(doc: SvgDocument, x: number, y: number, text: string, anchor: 'start' | 'end'): SVGElement {
  const node = svgEl(doc, 'text', { x, y, class: 'axis', 'text-anchor': anchor });
  node.textContent = text;
  return node;
}

function chart(
  doc: SvgDocument,
  caption: string,
  parts: SVGElement[],
  history: readonly DayStats[],
  top: string,
  bottom: string,
): HTMLElement {
  const figure = doc.createElement('figure');
  figure.className = 'chart';
  const figcaption = doc.createElement('figcaption');
  figcaption.textContent = caption;
  const svg = svgEl(doc, 'svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': caption });
  const baseline = TOP + PLOT_H;
  svg.append(
    svgEl(doc, 'line', { x1: LEFT, y1: baseline, x2: LEFT + PLOT_W, y2: baseline, class: 'baseline' }),
    label(doc, LEFT - 4, TOP + 8, top, 'end'),
    label(doc, LEFT - 4, baseline, bottom, 'end'),
    label(doc, LEFT, HEIGHT - 4, history[0]?.day.slice(5) ?? '', 'start'),
    label(doc, LEFT + PLOT_W, HEIGHT - 4, history[history.length - 1]?.day.slice(5) ?? '', 'end'),
    ...parts,
  );
  figure.append(figcaption, svg);
  return figure;
}

export function reviewsChart(doc: SvgDocument, s: UiStrings, history: readonly DayStats[]): HTMLElement {
  const most = Math.max(1, ...history.map((d) => d.reviews));
  const slot = PLOT_W / Math.max(history.length, 1);
  const bars = history.map((d, i) => {
    const h = (d.reviews / most) * PLOT_H;
    return svgEl(
      doc,
      'rect',
      { x: LEFT + i * slot + 1, y: TOP + PLOT_H - h, width: Math.max(slot - 2, 1), height: h, class: 'bar' },
      format(s.reviewsOn, d.day, d.reviews),
    );
  });
  return chart(doc, s.reviewsPerDay, bars, history, String(most), '0');
}

export function retentionChart(doc: SvgDocument, s: UiStrings, history: readonly DayStats[]): HTMLElement {
  const slot = PLOT_W / Math.max(history.length, 1);
  const points = history.map((d, i) => ({ day: d.day, value: d.retention, x: LEFT + (i + 0.5) * slot }));
  const y = (value: number) => TOP + (1 - value) * PLOT_H;
  // Days without due reviews leave a gap in the line.
  let path = '';
  points.forEach((p, i) => {
    if (p.value !== null) {
      path += `${points[i - 1]?.value != null ? 'L' : 'M'}${num(p.x)} ${num(y(p.value))} `;
    }
  });
  const dots = points.flatMap((p) =>
    p.value === null
      ? []
      : [
          svgEl(
            doc,
            'circle',
            { cx: p.x, cy: y(p.value), r: 2, class: 'dot' },
            format(s.retentionOn, p.day, `${Math.round(p.value * 100)}%`),
          ),
        ],
  );
  return chart(doc, s.retentionOverTime, [svgEl(doc, 'path', { d: path.trim(), class: 'line' }), ...dots], history, '100%', '0%');
}
