// /view/balance?stage=…: the chain-balance report as a chart. One row per item: home capacity as a
// share of demand, the gap up to 100 % in red, the part of it that imports cover in amber. Shares
// keep items of different units (t, pieces) comparable on one axis; the figures are in the labels.
// Works only where the server has the chainBalance query: it asks the schema first.

import '@fontsource-variable/vazirmatn';
import './balance.css';
import operations from './operations.graphql?raw';
import { importColour, palette } from '../shared/colours.js';
import { fileName, h, svg } from '../shared/dom.js';
import { STAGES } from '../shared/i18n.js';
import { queryFields, request } from '../shared/graphql.js';
import { withParams } from '../shared/params.js';
import { createShell, onResize } from '../shared/page.js';
import { saveButtons, saveSvgPicture, type PictureKind } from '../shared/svg-export.js';

interface Row {
  item: { id: string; kind: string; name: string; nameFa: string; unit?: string | null; stage?: string | null };
  homeCapacity: number;
  imports: number;
  demand: number;
  balance: number;
}

const ROW = 34;
const AXIS_MAX = 2; // 200 %: larger surpluses end in an arrow

const shell = createShell('balance', (t) => t.s.balanceLink);
const { i18n: t, params, search } = shell;
const stageParam = search.get('stage')?.toUpperCase() ?? '';
const stage = (STAGES as readonly string[]).includes(stageParam) ? stageParam : null;
const colours = palette(params.theme);
const href = window.location.href;
const GREEN = importColour(0);
const AMBER = importColour(0.5);
const RED = importColour(1);

// The other views need an item: the one this page was opened from (its id stays in the address),
// else the item with the worst gap, once the rows are in.
const fromId = search.get('id')?.trim() || null;
const viewLink = (view: 'dependencies' | 'flows', itemId: string) => withParams(href, { stage: null, id: itemId }, view);
if (fromId) {
  shell.addLink('dependencies', t.s.dependenciesLink, viewLink('dependencies', fromId));
  shell.addLink('flows', t.s.flowsLink, viewLink('flows', fromId));
}
shell.addLink('balance', t.s.balanceLink, withParams(href, {}));
const chart = h('div', { class: 'chart', 'data-testid': 'chart' });
const legendBox = h('div', { class: 'balance-legend' });
shell.stage.append(legendBox, chart);

let rows: Row[] = [];
let svgEl: SVGSVGElement | null = null;

const stageSelect = h('select', { id: 'stage', 'data-control': 'stage' }, h('option', { value: '' }, t.s.allStages), ...STAGES.map((s) => h('option', { value: s, selected: s === stage }, t.stage(s))));
stageSelect.addEventListener('change', () => window.location.assign(withParams(href, { stage: stageSelect.value || null })));
shell.toolbar.append(
  h('div', { class: 'group' }, h('label', { for: 'stage' }, t.s.stage), stageSelect),
  h('span', { class: 'spacer' }),
  saveButtons(t, (kind) => void save(kind)),
);

void main();

async function main(): Promise<void> {
  shell.loading();
  shell.setTitle(stage ? t.t('balanceTitleStage', { stage: t.stage(stage) }) : t.s.balanceTitle);
  try {
    const fields = await queryFields(operations);
    if (!fields.has('chainBalance')) {
      shell.toolbar.style.display = 'none';
      shell.stage.replaceChildren(
        h('div', { class: 'overlay error unavailable' }, h('div', { class: 'error-card' }, h('h2', {}, t.s.balanceUnavailable), h('p', { class: 'hint' }, t.s.balanceUnavailableHint))),
      );
      window.__zanjirView = { view: 'balance', state: 'ready', lang: t.lang, available: false, rows: [] };
      document.body.dataset.state = 'unavailable';
      return;
    }
    const [data] = await Promise.all([
      request<{ chainBalance: Row[] }>(operations, 'ChainBalance', { stage }),
      // Names are measured to fit: measure with the font they are drawn in.
      document.fonts.load('12px "Vazirmatn Variable"', 'Steel فولاد').catch(() => undefined),
    ]);
    rows = sortRows(data.chainBalance);
    if (!fromId && rows[0]) {
      const nav = shell.header.querySelector('nav');
      const first = nav?.firstChild ?? null;
      shell.addLink('dependencies', t.s.dependenciesLink, viewLink('dependencies', rows[0].item.id));
      shell.addLink('flows', t.s.flowsLink, viewLink('flows', rows[0].item.id));
      // Same order as on the other pages: dependencies, flows, balance.
      if (nav && first) nav.append(first);
    }
    if (params.legend) legendBox.append(legend());
    render();
    onResize(shell.stage, render);
    const gaps = rows.filter((r) => r.balance < 0).length;
    shell.status(t.t('balanceStatus', { n: t.number(rows.length), gaps: t.number(gaps) }));
    shell.ready({ available: true, stage, rows: rows.map((r) => ({ id: r.item.id, homeCapacity: r.homeCapacity, imports: r.imports, demand: r.demand, balance: r.balance })), nodes: rows.map((r) => r.item.id) });
  } catch (error) {
    shell.fail(error);
  }
}

/** Worst coverage first; items without modelled demand last. */
function sortRows(list: Row[]): Row[] {
  const coverage = (r: Row) => (r.demand > 0 ? r.homeCapacity / r.demand : Number.POSITIVE_INFINITY);
  return [...list].sort((a, b) => coverage(a) - coverage(b) || a.balance - b.balance || a.item.name.localeCompare(b.item.name));
}

function name(r: Row): string {
  return t.lang === 'fa' ? r.item.nameFa || r.item.name : r.item.name;
}

function qty(n: number, unit?: string | null): string {
  return `${t.number(n)}${unit ? ` ${t.unit(unit)}` : ''}`;
}

function legend(): HTMLElement {
  const sw = (colour: string, label: string, extra = '') => h('span', { class: 'item' }, h('span', { class: `swatch ${extra}`, style: `background:${colour}` }), label);
  return h(
    'div',
    { class: 'row' },
    h('strong', {}, t.s.coverage),
    sw(GREEN, t.s.balanceLegendCapacity),
    sw(RED, t.s.balanceLegendGap, 'gap'),
    sw(AMBER, t.s.balanceLegendImports, 'thin'),
    h('span', { class: 'item' }, h('span', { class: 'demand-mark' }), `${t.percent(1)} = ${t.s.demand}`),
  );
}

function render(): void {
  draw();
  // Drawn to the width measured before the rows were in: if a scrollbar took some of it since,
  // draw again to the width left (once: the scrollbar's room is reserved in the CSS anyway).
  if (svgEl && chart.clientWidth > 0 && chart.clientWidth < Number(svgEl.getAttribute('width'))) draw();
}

function draw(): void {
  chart.replaceChildren();
  if (rows.length === 0) {
    chart.append(h('p', { class: 'empty' }, t.s.balanceEmpty));
    return;
  }
  const fa = t.lang === 'fa';
  const width = Math.max(480, chart.clientWidth);
  const top = 26;
  const height = top + rows.length * ROW + 8;
  const labelW = Math.min(280, Math.max(140, width * 0.28));
  // Room for the widest figures on the right, measured, so they are never cut.
  const needed = Math.max(...rows.map((r) => Math.max(measure(balanceText(r), 12, 600), measure(figuresText(r), 10.5, 400)))) + 16;
  const valueW = Math.min(Math.max(170, needed), width * 0.5);
  const barX0 = labelW + 12;
  const barW = Math.max(100, width - labelW - valueW - 36);
  // Mirrored for Persian: the chart reads right to left like the page.
  const X = (x: number) => (fa ? width - x : x);
  const rectX = (x: number, w: number) => (fa ? width - x - w : x);
  const scale = (share: number) => (Math.min(AXIS_MAX, Math.max(0, share)) / AXIS_MAX) * barW;
  const font = { 'font-family': '"Vazirmatn Variable", "DejaVu Sans", sans-serif', 'font-size': 12, fill: colours.text };
  // Text inherits the page's direction: in Persian, 'start' is already the right-hand end.
  const start = 'start';
  const end = 'end';

  const g = svg('g', font);
  // Axis: 0, 50, 100 (demand), 150, 200 %.
  for (const tick of [0, 0.5, 1, 1.5, 2]) {
    const x = barX0 + scale(tick);
    g.append(
      svg('line', { x1: X(x), x2: X(x), y1: top - 6, y2: height - 6, stroke: tick === 1 ? colours.text : colours.edge, 'stroke-width': tick === 1 ? 1.5 : 1, 'stroke-dasharray': tick === 1 ? '4 3' : '2 4', opacity: tick === 1 ? 0.8 : 0.5 }),
      // Narrow bars leave no room for the word beside 100 %: the legend says what 100 % is.
      svg('text', { x: X(x), y: top - 12, 'text-anchor': 'middle', fill: colours.muted, 'font-size': 11 }, tick === 1 && barW >= 260 ? `${t.percent(1)} ${t.s.demand}` : t.percent(tick)),
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * ROW;
    const mid = y + ROW / 2;
    const row = svg('g', { 'data-id': r.item.id, 'data-row': i });
    if (i % 2 === 1) row.append(svg('rect', { x: 0, y, width, height: ROW, fill: colours.surface, opacity: 0.6 }));
    const link = svg('a', { href: params.embed ? null : withParams(href, { stage: null, id: r.item.id }, 'dependencies') });
    link.append(svg('text', { x: X(8), y: mid, 'text-anchor': start, 'dominant-baseline': 'middle', 'font-weight': 500, 'data-part': 'name' }, svg('title', {}, `${name(r)} (${r.item.id})`), clip(name(r), labelW - 12)));
    row.append(link);
    if (r.demand > 0) {
      const coverage = r.homeCapacity / r.demand;
      const barH = 14;
      const capW = scale(coverage);
      row.append(svg('rect', { x: rectX(barX0, capW), y: mid - barH / 2, width: capW, height: barH, rx: 2, fill: GREEN }));
      if (coverage < 1) {
        const gapW = scale(1) - capW;
        row.append(svg('rect', { x: rectX(barX0 + capW, gapW), y: mid - barH / 2, width: gapW, height: barH, fill: RED, opacity: 0.85, 'data-part': 'gap' }));
        const importW = Math.min(gapW, scale(r.imports / r.demand));
        if (importW > 0) row.append(svg('rect', { x: rectX(barX0 + capW, importW), y: mid - 2.5, width: importW, height: 5, fill: AMBER, 'data-part': 'imports' }));
      }
      if (coverage > AXIS_MAX) {
        const x = barX0 + barW;
        row.append(svg('path', { d: fa ? `M${X(x) - 1},${mid - 7} l-7,7 l7,7 z` : `M${x + 1},${mid - 7} l7,7 l-7,7 z`, fill: GREEN }));
      }
    } else {
      row.append(svg('text', { x: X(barX0), y: mid, 'text-anchor': start, 'dominant-baseline': 'middle', fill: colours.muted, 'font-style': 'italic' }, t.s.noDemand));
    }
    const positive = r.balance >= 0;
    row.append(
      svg(
        'text',
        { x: X(width - 8), y: mid - 6, 'text-anchor': end, 'dominant-baseline': 'middle', 'font-weight': 600, fill: positive ? colours.text : RED },
        balanceText(r),
      ),
      svg(
        'text',
        { x: X(width - 8), y: mid + 8, 'text-anchor': end, 'dominant-baseline': 'middle', 'font-size': 10.5, fill: colours.muted },
        figuresText(r),
      ),
    );
    g.append(row);
  });
  svgEl = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': document.title }, g);
  chart.append(svgEl);
}

function balanceText(r: Row): string {
  return `${r.balance === 0 ? t.s.balance : r.balance >= 0 ? t.s.surplus : t.s.gap} ${qty(Math.abs(r.balance), r.item.unit)}`;
}

function figuresText(r: Row): string {
  return `${t.s.homeCapacity} ${t.number(r.homeCapacity)} · ${t.s.demand} ${t.number(r.demand)}${r.imports ? ` · ${t.s.imports} ${t.number(r.imports)}` : ''}`;
}

const measurer = document.createElement('canvas').getContext('2d')!;

function measure(text: string, size = 12, weight = 500): number {
  measurer.font = `${weight} ${size}px "Vazirmatn Variable", "DejaVu Sans", sans-serif`;
  return measurer.measureText(text).width;
}

/**
 * Cuts a name to the width available, at the end of a word when one fits (the row's tooltip has
 * the full name), with an ellipsis.
 */
function clip(text: string, width: number): string {
  if (measure(text) <= width) return text;
  let kept = '';
  for (const w of text.split(/(?<=\s)/)) {
    if (measure(`${(kept + w).trimEnd()}…`, 12, 500) > width) break;
    kept += w;
  }
  if (kept.trim()) return `${kept.trimEnd()}…`;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

async function save(kind: PictureKind): Promise<void> {
  if (!svgEl) return;
  await saveSvgPicture(svgEl, colours.background, fileName(['balance', stage ?? 'all', t.lang], kind), kind, Number(svgEl.getAttribute('width')), Number(svgEl.getAttribute('height')));
}
