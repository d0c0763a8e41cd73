// The legend of the dependency view: shapes by kind, the import-share colour ramp, edge widths.

import { IMPORT_GRADIENT, UNMODELLED, importColour } from '../shared/colours.js';
import { h, svg } from '../shared/dom.js';
import type { I18n } from '../shared/i18n.js';

/** Cytoscape shape of each kind; the legend draws the same shapes. */
export const KIND_SHAPES: Record<string, string> = {
  MINE: 'triangle',
  PLANT: 'rectangle',
  PRODUCT: 'ellipse',
  PART: 'hexagon',
  SUPPLIER: 'diamond',
  PROJECT: 'star',
  SOURCE: 'tag',
};

export const KIND_ORDER = ['MINE', 'SUPPLIER', 'PLANT', 'PRODUCT', 'PART', 'PROJECT', 'SOURCE'];

const POINTS: Record<string, string> = {
  triangle: '7,1 13,13 1,13',
  rectangle: '2,2 12,2 12,12 2,12',
  hexagon: '4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7',
  diamond: '7,0.5 13.5,7 7,13.5 0.5,7',
  star: '7,0.8 8.8,5.2 13.4,5.4 9.8,8.3 11,12.9 7,10.3 3,12.9 4.2,8.3 0.6,5.4 5.2,5.2',
  tag: '1,2 9,2 13,7 9,12 1,12',
};

export function shapeIcon(kind: string, fill = 'var(--muted)'): SVGSVGElement {
  const shape = KIND_SHAPES[kind] ?? 'ellipse';
  const body =
    shape === 'ellipse'
      ? svg('circle', { cx: 7, cy: 7, r: 6, fill })
      : svg('polygon', { points: POINTS[shape]!, fill });
  return svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' }, body);
}

/** A collapsible legend: open on a full page, folded to one line when embedded. */
export function legend(t: I18n, kinds: string[], open: boolean): HTMLElement {
  const present = KIND_ORDER.filter((k) => kinds.includes(k));
  return h(
    'details',
    { class: 'legend', 'aria-label': t.s.legend, open },
    h('summary', {}, t.s.legend),
    h('section', {}, h('h3', {}, t.s.legendShape), h('div', { class: 'row' }, ...present.map((k) => h('span', { class: 'item', 'data-kind': k }, shapeIcon(k), t.kind(k))))),
    h(
      'section',
      {},
      h('h3', {}, t.s.legendColour),
      h(
        'div',
        { class: 'ramp' },
        h('span', {}, t.s.legendHome),
        h('span', { class: 'bar', style: `background:${IMPORT_GRADIENT}` }),
        h('span', {}, t.s.legendImported),
      ),
      h('div', { class: 'row note' }, h('span', { class: 'item' }, h('span', { class: 'swatch', style: `background:${UNMODELLED}` }), t.s.legendUnmodelled)),
      h('div', { class: 'note' }, t.s.legendColourNote),
    ),
    h(
      'section',
      {},
      h('h3', {}, t.s.legendWidth),
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'item' }, edgeIcon(1.5, 'var(--muted)'), t.percent(0)),
        h('span', { class: 'item' }, edgeIcon(5, 'var(--muted)'), t.percent(0.5)),
        h('span', { class: 'item' }, edgeIcon(9, 'var(--muted)'), t.percent(1)),
        h('span', { class: 'item' }, edgeIcon(4, importColour(1)), t.s.legendForeignEdge),
      ),
    ),
  );
}

function edgeIcon(width: number, colour: string): SVGSVGElement {
  return svg('svg', { width: 26, height: 12, viewBox: '0 0 26 12', 'aria-hidden': 'true' }, svg('line', { x1: 1, y1: 6, x2: 25, y2: 6, stroke: colour, 'stroke-width': width }));
}
