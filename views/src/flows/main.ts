// /view/flows?id=…: a Sankey of the value flowing into a finished good, from mines, plants and
// suppliers at home and abroad. Imports are red. The numbers are the server's valueFlows answer.

import { sankey, sankeyLinkHorizontal, sankeyRight, type SankeyLink, type SankeyNode } from 'd3-sankey';
import '@fontsource-variable/vazirmatn';
import './flows.css';
import operations from './operations.graphql?raw';
import { importColour, palette } from '../shared/colours.js';
import { fileName, h, svg } from '../shared/dom.js';
import { queryFields, request } from '../shared/graphql.js';
import { numberParam, withParams } from '../shared/params.js';
import { createShell, onResize } from '../shared/page.js';
import { saveButtons, saveSvgPicture, type PictureKind } from '../shared/svg-export.js';
import { DEFAULT_MIN_SHARE, type FlowLink, type FlowNode, type ValueFlows } from './flow-model.js';

// d3-sankey 0.12 sets `layer` (the column); its type declarations predate it.
type SNode = SankeyNode<FlowNode, FlowLink> & { layer?: number };
type SLink = SankeyLink<FlowNode, FlowLink>;

const shell = createShell('flows', (t) => t.s.flowsLink);
const { i18n: t, params, search } = shell;
const id = search.get('id')?.trim() ?? '';
let minShare = numberParam(search, 'minShare', 0, 0.5, DEFAULT_MIN_SHARE);
const detail = search.get('detail') === 'sites' ? 'sites' : 'items';
const colours = palette(params.theme);
let href = window.location.href;

shell.addLink('dependencies', t.s.dependenciesLink, withParams(href, { minShare: null }, 'dependencies'));
shell.addLink('flows', t.s.flowsLink, withParams(href, {}));

const caption = h('div', { class: 'chrome caption' });
const chart = h('div', { class: 'chart', 'data-testid': 'chart' });
const tooltip = h('div', { class: 'tooltip', hidden: true, role: 'tooltip' });
shell.stage.append(caption, chart, tooltip);

let model: ValueFlows | null = null;
let svgEl: SVGSVGElement | null = null;

shell.toolbar.append(
  h('span', { class: 'spacer' }),
  saveButtons(t, (kind) => void save(kind)),
);

void main();

/** Groups opened by a click, for the page's state. */
const opened: string[] = [];

async function main(): Promise<void> {
  shell.loading();
  if (!id) return shell.fail(new Error(t.s.missingId));
  try {
    const [answer, fields] = await Promise.all([
      request<{ valueFlows: ValueFlows }>(operations, 'ValueFlows', { id, minShare, detail: detail === 'sites' ? 'SITES' : 'ITEMS' }),
      queryFields(operations).catch(() => new Set<string>()),
      document.fonts.load('12px "Vazirmatn Variable"', 'Steel فولاد').catch(() => undefined),
    ]);
    // The id stays in the balance view's address, so its links lead back here.
    if (fields.has('chainBalance')) shell.addLink('balance', t.s.balanceLink, withParams(href, { depth: null, minShare: null }, 'balance'));
    show(answer.valueFlows);
    onResize(shell.stage, render);
  } catch (error) {
    shell.fail(error);
  }
}

/** Draws an answer and publishes what was drawn. */
function show(answer: ValueFlows): void {
  {
    model = answer;
    const root = answer.item;
    const name = t.lang === 'fa' ? root.nameFa || root.name : root.name;
    shell.setTitle(t.t('flowsTitle', { name }));
    const share = answer.importedShare;
    caption.textContent =
      model.unitValueUsd !== null
        ? t.t('flowsSummary', {
            unit: t.unit(model.item.unit ?? null) || (t.lang === 'fa' ? 'واحد' : 'unit'),
            name,
            value: t.usd(model.total),
            imported: t.usd(model.imported),
            share: t.percent(share),
            home: t.usd(model.total - model.imported),
          })
        : t.t('flowsSummaryShare', { name, share: t.percent(share) });
    render();
    shell.status(
      model.cutLoops ? t.t('flowsCut', { n: t.number(model.cutLoops) }) : null,
      model.merged ? t.t('flowsSmall', { n: t.number(model.merged), min: t.percent(minShare, 1) }) : null,
      opened.length ? t.t('flowsExpanded', { min: t.percent(minShare, 2) }) : null,
    );
    shell.ready({
      root: model.item.id,
      total: model.total,
      imported: model.imported,
      importedShare: share,
      unitValueUsd: model.unitValueUsd,
      nodes: model.nodes.map((n) => n.key),
      links: model.links.map((l) => ({ ...l })),
      labels: Object.fromEntries(model.nodes.map((n) => [n.key, label(n)])),
      cutLoops: model.cutLoops,
      merged: model.merged,
      minShare,
      opened: [...opened],
      groups: model.nodes.filter((n) => n.members.length > 0).map((n) => ({ key: n.key, role: n.role, count: n.count, members: n.members.map((m) => m.key) })),
    });
  }
}

/**
 * Opens an "other" node: asks again with minShare just under its smallest member's value, so its
 * members (and any node as small) are drawn one by one; the address keeps the new minShare.
 */
async function openGroup(n: FlowNode): Promise<void> {
  if (!model || n.members.length === 0) return;
  const smallest = Math.min(...n.members.map((m) => m.nodeValue)) / model.total;
  const next = Math.max(0, Math.floor(smallest * 0.999 * 1e6) / 1e6);
  if (next >= minShare) return;
  hideTip();
  shell.loading();
  try {
    const answer = await request<{ valueFlows: ValueFlows }>(operations, 'ValueFlows', { id, minShare: next, detail: detail === 'sites' ? 'SITES' : 'ITEMS' });
    minShare = next;
    opened.push(n.key);
    href = withParams(window.location.href, { minShare: String(next) });
    window.history.replaceState(null, '', href);
    show(answer.valueFlows);
  } catch (error) {
    shell.fail(error);
  }
}

function label(n: FlowNode): string {
  if (n.role === 'OTHER_IMPORTS' || n.role === 'OTHER_HOME') return `${n.role === 'OTHER_IMPORTS' ? t.s.otherImports : t.s.otherHome} (${t.number(n.count)})`;
  if (n.role === 'VALUE_ADDED') return t.s.valueAddedRoot;
  return t.lang === 'fa' ? n.nameFa || n.name : n.name;
}

/** A node's value: the root's is its unit value, others' the larger of what flows in and out. */
function nodeValue(n: SNode): number {
  return n.key === model?.item.id ? model.total : (n.value ?? 0);
}

function money(v: number): string {
  return model?.unitValueUsd !== null ? t.usd(v) : t.percent(v);
}

function render(): void {
  if (!model) return;
  chart.replaceChildren();
  if (model.links.length === 0) {
    chart.append(h('p', { class: 'empty' }, t.s.flowsEmpty));
    return;
  }
  const width = Math.max(320, chart.clientWidth);
  const height = Math.max(240, chart.clientHeight);
  const legendSpace = params.legend ? 34 : 0;
  // The root's label sits in a margin of its own on the right, so every other label can point
  // right into the gap after its column.
  const rootNode = model.nodes.find((n) => n.key === model!.item.id)!;
  const rootMargin = Math.min(width * 0.22, Math.max(measure(label(rootNode), 12, 700), measure(money(model.total), 11, 400)) + 14);
  const columns = new Map<number, number>();
  const layout = sankey<FlowNode, FlowLink>()
    .nodeId((n) => n.key)
    .nodeAlign(sankeyRight)
    .nodeWidth(12)
    .nodePadding(10)
    .extent([
      [8, 12],
      [width - 8 - rootMargin, height - 12 - legendSpace],
    ]);
  // First pass to count nodes per column, then pick padding that fits them.
  const input = () => ({ nodes: model!.nodes.map((n) => ({ ...n })), links: model!.links.map((l) => ({ ...l })) });
  const probe = layout(input());
  for (const n of probe.nodes as SNode[]) columns.set(n.layer ?? 0, (columns.get(n.layer ?? 0) ?? 0) + 1);
  const busiest = Math.max(...columns.values());
  layout.nodePadding(Math.max(4, Math.min(18, ((height - legendSpace) * 0.45) / Math.max(1, busiest))));
  const graph = layout(input());
  const layers = Math.max(...(graph.nodes as SNode[]).map((n) => n.layer ?? 0));

  const path = sankeyLinkHorizontal<FlowNode, FlowLink>();
  // Persian reads right to left, so value flows that way too: shapes are laid out left to right
  // and mirrored as a whole; labels are placed in the same coordinates, then mirrored one by one
  // (text itself is never flipped).
  const mirror = t.lang === 'fa' ? `translate(${width},0) scale(-1,1)` : null;
  const linkLayer = svg('g', { fill: 'none', ...(mirror ? { transform: mirror } : {}) });
  for (const l of graph.links as SLink[]) {
    const s = l.source as SNode;
    const tgt = l.target as SNode;
    const el = svg('path', {
      d: path(l) ?? '',
      stroke: importColour(l.importShare),
      'stroke-opacity': 0.42,
      'stroke-width': Math.max(1, l.width ?? 1),
      'data-source': s.key,
      'data-target': tgt.key,
    });
    el.addEventListener('mousemove', (e) => showTip(e, `${label(s)} → ${label(tgt)}`, money(l.value), l.importShare));
    el.addEventListener('mouseleave', hideTip);
    el.addEventListener('mouseenter', () => el.setAttribute('stroke-opacity', '0.7'));
    el.addEventListener('mouseout', () => el.setAttribute('stroke-opacity', '0.42'));
    linkLayer.append(el);
  }

  const nodeLayer = svg('g', mirror ? { transform: mirror } : {});
  const labelLayer = svg('g', { 'font-family': '"Vazirmatn Variable", "DejaVu Sans", sans-serif', 'font-size': 12, fill: colours.text });
  const fa = t.lang === 'fa';
  // Labels point into the chart (right of the node in the left half, left of it in the right half),
  // cut to the gap between two columns, and placed largest node first; one that would overlap a
  // label already in its gap is left to the tooltip.
  const xs = [...new Set((graph.nodes as SNode[]).map((n) => Math.round(n.x0 ?? 0)))].sort((a, b) => a - b);
  const gapWidth = (xs.length > 1 ? xs[1]! - xs[0]! : width) - 12 - 10;
  const placed: { gap: number; top: number; bottom: number }[] = [];
  const byValue = [...(graph.nodes as SNode[])].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const labelled = new Map<SNode, string>();
  const sideOf = new Map<SNode, boolean>();
  for (const n of byValue) {
    const layer = n.layer ?? 0;
    const y = ((n.y0 ?? 0) + (n.y1 ?? 0)) / 2;
    const twoLines = (n.y1 ?? 0) - (n.y0 ?? 0) >= 14;
    const top = y - (twoLines ? 15 : 8);
    const bottom = y + (twoLines ? 16 : 8);
    // Right first, then left (not past the chart's edges); the root's own margin is on its right.
    const sides = n.key === model.item.id ? [true] : [true, false].filter((right) => (right ? layer < layers : layer > 0));
    for (const right of sides) {
      const gap = right ? layer : layer - 1;
      if (n.key !== model.item.id && placed.some((p) => p.gap === gap && top < p.bottom && bottom > p.top)) continue;
      const room = (n.key === model.item.id ? rootMargin - 8 : gapWidth) - (twoLines ? 0 : measure(` ${money(nodeValue(n))}`, 11, 400));
      const text = fit(label(n), room);
      if (!text) break;
      placed.push({ gap, top, bottom });
      labelled.set(n, text);
      sideOf.set(n, right);
      break;
    }
  }
  for (const n of graph.nodes as SNode[]) {
    const x0 = n.x0 ?? 0;
    const x1 = n.x1 ?? 0;
    const y0 = n.y0 ?? 0;
    const y1 = n.y1 ?? 0;
    const fill = n.foreign ? importColour(1) : importColour(n.importShare);
    const rect = svg('rect', { x: x0, y: y0, width: x1 - x0, height: Math.max(1, y1 - y0), fill, rx: 2, 'data-key': n.key, 'data-id': n.node?.id ?? '' });
    const valueText = money(nodeValue(n));
    rect.addEventListener('mousemove', (e) =>
      showTip(e, label(n), `${valueText}${n.valueAdded > 0 ? ` · ${t.s.valueAdded}: ${money(n.valueAdded)}` : ''}`, n.foreign ? 1 : n.importShare, membersOf(n)),
    );
    rect.addEventListener('mouseleave', hideTip);
    if (n.members.length > 0) {
      rect.setAttribute('data-group', n.role);
      rect.setAttribute('role', 'button');
      rect.setAttribute('tabindex', '0');
      rect.setAttribute('aria-label', `${label(n)}: ${t.s.flowsExpandHint}`);
      rect.style.cursor = 'pointer';
      rect.addEventListener('click', () => void openGroup(n));
      rect.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') void openGroup(n);
      });
    }
    nodeLayer.append(rect);
    const name = labelled.get(n);
    if (name === undefined) continue;
    const right = sideOf.get(n)!;
    const unmirrored = right ? x1 + 6 : x0 - 6;
    const x = mirror ? width - unmirrored : unmirrored;
    const anchor = right !== !!mirror ? 'start' : 'end';
    const y = (y0 + y1) / 2;
    const twoLines = y1 - y0 >= 14;
    const full = label(n);
    const text = svg(
      'text',
      { x, y: twoLines ? y - 6 : y, 'text-anchor': anchor, 'dominant-baseline': 'middle', direction: 'ltr', 'unicode-bidi': 'plaintext', 'data-key': n.key, stroke: colours.background, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke', 'font-weight': n.key === model.item.id ? 700 : 500 },
      svg('tspan', { 'data-part': 'name' }, name),
    );
    // A label cut to fit keeps the full name as its tooltip.
    if (name !== full) text.append(svg('title', {}, full));
    if (twoLines) text.append(svg('tspan', { x, dy: '1.25em', fill: colours.muted, 'font-size': 11, 'font-weight': 400 }, valueText));
    else text.append(svg('tspan', { fill: colours.muted, 'font-size': 11, 'font-weight': 400 }, ` ${valueText}`));
    labelLayer.append(text);
  }
  svgEl = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': document.title, direction: 'ltr' }, linkLayer, nodeLayer, labelLayer);
  chart.append(svgEl);
  if (params.legend) drawLegend(svgEl, width, height, fa);
}

/**
 * The legend drawn into the picture itself, so a saved PNG/SVG carries it. Pieces are measured and
 * placed one after another, from the left (or from the right in Persian).
 */
function drawLegend(target: SVGSVGElement, width: number, height: number, fa: boolean): void {
  const y = height - 16;
  const g = svg('g', { 'font-family': '"Vazirmatn Variable", "DejaVu Sans", sans-serif', 'font-size': 11, fill: colours.muted, 'data-part': 'legend' });
  g.append(svg('defs', {}, svg('linearGradient', { id: 'ramp', x1: fa ? '100%' : '0%', x2: fa ? '0%' : '100%' }, ...[0, 0.5, 1].map((s) => svg('stop', { offset: `${s * 100}%`, 'stop-color': importColour(s) })))));
  target.append(g);
  const dir = fa ? -1 : 1;
  let x = fa ? width - 12 : 12;
  const text = (content: string, gap = 8) => {
    const el = svg('text', { x, y, 'text-anchor': 'start', 'dominant-baseline': 'middle', direction: fa ? 'rtl' : 'ltr' }, content);
    g.append(el);
    x += dir * (el.getComputedTextLength() + gap);
  };
  const box = (w: number, fill: string, gap = 6) => {
    g.append(svg('rect', { x: fa ? x - w : x, y: y - 5, width: w, height: 10, rx: 5, fill }));
    x += dir * (w + gap);
  };
  text(t.s.flowsLegendColour, 10);
  text(t.s.legendHome, 6);
  box(90, 'url(#ramp)');
  text(t.s.legendImported, 24);
  box(10, importColour(1));
  text(t.s.flowsLegendForeign, 24);
  text(t.s.flowsLegendWidth);
}

const measurer = document.createElement('canvas').getContext('2d')!;

function measure(text: string, size = 12, weight = 500): number {
  measurer.font = `${weight} ${size}px "Vazirmatn Variable", "DejaVu Sans", sans-serif`;
  return measurer.measureText(text).width;
}

/**
 * The label, cut with an ellipsis to fit `room` pixels, at the end of a word when a whole word
 * fits (the full name is the text's tooltip); empty when not even a few letters fit.
 */
export function fit(text: string, room: number, width: (s: string) => number = measure): string {
  if (width(text) <= room) return text;
  const words = text.split(/(?<=\s)/);
  let kept = '';
  for (const w of words) {
    if (width(`${(kept + w).trimEnd()}…`) > room) break;
    kept += w;
  }
  if (kept.trim().length > 0) return `${kept.trimEnd()}…`;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (width(`${text.slice(0, mid).trimEnd()}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 4 ? `${text.slice(0, lo).trimEnd()}…` : '';
}

/** The members of an "other" node, largest first, for its tooltip. */
function membersOf(n: FlowNode): string[] {
  if (n.members.length === 0) return [];
  const name = (m: FlowNode['members'][number]) => (t.lang === 'fa' ? m.nameFa || m.name : m.name);
  const listed = n.members.slice(0, 10).map((m) => `${name(m)}: ${money(m.value)}`);
  if (n.members.length > 10) listed.push(t.t('andMore', { n: t.number(n.members.length - 10) }));
  return [...listed, t.s.flowsExpandHint];
}

function showTip(e: MouseEvent, title: string, value: string, share: number, members: string[] = []): void {
  tooltip.replaceChildren(
    h('strong', { dir: 'auto' }, title),
    h('div', {}, value),
    h('div', { class: 'tip-share' }, h('span', { class: 'swatch', style: `background:${importColour(share)}` }), `${t.s.imports}: ${t.percent(share)}`),
  );
  if (members.length) tooltip.append(h('ul', { class: 'tip-members', 'data-part': 'members' }, ...members.map((m) => h('li', { dir: 'auto' }, m))));
  tooltip.hidden = false;
  const box = shell.stage.getBoundingClientRect();
  const x = e.clientX - box.left + 14;
  const y = e.clientY - box.top + 14;
  tooltip.style.left = `${Math.min(x, box.width - tooltip.offsetWidth - 8)}px`;
  tooltip.style.top = `${Math.min(y, box.height - tooltip.offsetHeight - 8)}px`;
}

function hideTip(): void {
  tooltip.hidden = true;
}

async function save(kind: PictureKind): Promise<void> {
  if (!svgEl) return;
  await saveSvgPicture(svgEl, colours.background, fileName([model?.item.id ?? id, 'flows', t.lang], kind), kind, svgEl.clientWidth, svgEl.clientHeight);
}
