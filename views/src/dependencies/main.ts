// /view/dependencies?id=…&direction=up|down&depth=…: the chain around a node as an interactive
// graph, laid out in layers from left (upstream) to right (downstream), material flowing left to
// right whichever way the walk went.

import cytoscape, { type Core, type NodeSingular, type StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import '@fontsource-variable/vazirmatn';
import './dependencies.css';
import operations from './operations.graphql?raw';
import { importColour, palette, UNMODELLED, type Palette } from '../shared/colours.js';
import type { DependencyGraph } from '../shared/chain.js';
import { fileName, h, saveFile } from '../shared/dom.js';
import { queryFields, request } from '../shared/graphql.js';
import { intParam, withParams } from '../shared/params.js';
import { createShell, onResize } from '../shared/page.js';
import { saveButtons, withEmbeddedFont } from '../shared/svg-export.js';
import { renderDetails } from './details.js';
import { GraphModel, type NodeGroup } from './graph-model.js';
import { KIND_SHAPES, legend } from './legend.js';

cytoscape.use(dagre);

const DEFAULT_DEPTH = 3;
const DEFAULT_MAX_NODES = 400;
const FONT = '"Vazirmatn Variable", "DejaVu Sans", sans-serif';
const MAX_START_ZOOM = 1.25;

interface GraphAnswer {
  graphInfo: { homeCountry: string; maxDepth: number };
  upstream?: DependencyGraph;
  downstream?: DependencyGraph;
}

const shell = createShell('dependencies', (t) => t.s.dependenciesLink);
const { i18n: t, params, search } = shell;
const id = search.get('id')?.trim() ?? '';
const up = (search.get('direction') ?? 'up').toLowerCase() !== 'down';
const depth = intParam(search, 'depth', 1, 100) ?? DEFAULT_DEPTH;
const maxNodes = intParam(search, 'maxNodes', 2, 5000) ?? DEFAULT_MAX_NODES;
const colours = palette(params.theme);
const href = window.location.href;

shell.addLink('dependencies', t.s.dependenciesLink, withParams(href, {}));
shell.addLink('flows', t.s.flowsLink, withParams(href, { direction: null, depth: null, maxNodes: null }, 'flows'));

// Stage: the graph, the legend, the details panel, the minimal zoom used when embedded.
const container = h('div', { class: 'graph', 'data-testid': 'graph' });
const details = h('aside', { class: 'details', hidden: true, 'aria-live': 'polite' });
const zoomMini = h('div', { class: 'zoom-mini' });
shell.stage.append(container, details, zoomMini);

let cy: Core | null = null;
let model: GraphModel | null = null;
let selected: string | null = null;
let userMoved = false;
const expanded = new Set<string>();
/** Groups the reader clicked open, and the groups drawn now (see GraphModel.groups). */
const openGroups = new Set<string>();
let groups: NodeGroup[] = [];
/** Nodes at the first depth the main walk left out (0: it reached the end of the chain). */
let depthCut = 0;
/** Nodes beyond the main walk's depth, in all. */
let beyondCut = 0;

buildToolbar();
void main();

async function main(): Promise<void> {
  shell.loading();
  if (!id) {
    shell.fail(new Error(t.s.missingId));
    return;
  }
  try {
    const [answer, fields] = await Promise.all([
      request<GraphAnswer>(operations, 'DependencyGraph', { id, up, depth, maxNodes }),
      queryFields(operations).catch(() => new Set<string>()),
      // Canvas text does not wait for web fonts: load both scripts before the first draw.
      document.fonts.load(`12px ${FONT}`, 'Steel فولاد').catch(() => undefined),
    ]);
    // The id stays in the balance view's address, so its links lead back here.
    if (fields.has('chainBalance')) shell.addLink('balance', t.s.balanceLink, withParams(href, { direction: null, depth: null, maxNodes: null }, 'balance'));
    const graph = (up ? answer.upstream : answer.downstream)!;
    model = new GraphModel(graph.root.id, answer.graphInfo.homeCountry);
    model.merge(graph);
    // Only the main walk's depth cut is news: a one-hop expansion is depth-limited by design.
    depthCut = graph.depthLimited ? graph.nodesAtNextDepth : 0;
    beyondCut = graph.depthLimited ? graph.nodesBeyondDepth : 0;
    const root = model.nodes.get(model.rootId)!;
    const name = model.label(root, t.lang);
    shell.setTitle(t.t(up ? 'upstreamOf' : 'downstreamOf', { name }));
    updateDepthOptions(answer.graphInfo.maxDepth);
    draw();
  } catch (error) {
    shell.fail(error);
  }
}

/** The elements to draw: nodes single or grouped by tier and kind when the picture is large. */
function currentElements(): cytoscape.ElementDefinition[] {
  if (!model) return [];
  const pinned = new Set([...expanded, ...(selected ? [selected] : [])]);
  groups = model.groups(openGroups, pinned);
  return model.elements(t.lang, nodeColour, groups, (g) => t.t('groupLabel', { n: t.number(g.members.length), kind: t.kinds(g.kind) })) as cytoscape.ElementDefinition[];
}

function draw(): void {
  if (!model) return;
  const elements = currentElements();
  cy = cytoscape({
    container,
    elements,
    style: stylesheet(colours),
    layout: { name: 'preset' },
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  cy.on('tap', 'node', (event) => {
    const el = event.target as NodeSingular;
    if (el.hasClass('group')) void openGroup(el.id());
    else select(el.id());
  });
  cy.on('tap', (event) => {
    if (event.target === cy) select(null);
  });
  // The full name (a group: what it holds) as a tooltip: labels wrap, and groups name no one.
  cy.on('mouseover', 'node', (event) => {
    container.style.cursor = 'pointer';
    container.title = tooltipOf(event.target as NodeSingular);
  });
  cy.on('mouseout', 'node', () => {
    container.style.cursor = '';
    container.title = '';
  });
  cy.on('scrollzoom dragpan pinchzoom', () => (userMoved = true));
  layout(false);
  onResize(shell.stage, () => {
    cy?.resize();
    if (!userMoved) initialView();
  });
  if (params.legend) {
    shell.stage.querySelector('.legend')?.remove();
    shell.stage.append(legend(t, [...new Set([...model.nodes.values()].map((n) => n.kind))], !params.embed));
  }
  publish();
}

function layout(animate: boolean): Promise<void> {
  if (!cy) return Promise.resolve();
  const run = cy.layout({
    name: 'dagre',
    // Material flows the way the page reads: left to right in English, right to left in Persian.
    rankDir: t.lang === 'fa' ? 'RL' : 'LR',
    nodeSep: 16,
    rankSep: 80,
    edgeSep: 8,
    ranker: 'network-simplex',
    nodeDimensionsIncludeLabels: true,
    fit: false,
    animate,
    animationDuration: 300,
  } as cytoscape.LayoutOptions);
  const done = new Promise<void>((resolve) => run.one('layoutstop', () => resolve()));
  run.run();
  return done.then(() => initialView());
}

/**
 * The whole picture fitted to the frame (a small graph is not blown up past 125 %). Large walks
 * stay legible because their outer tiers are grouped by kind (GraphModel.groups), not because the
 * view opens zoomed in on one corner.
 */
function initialView(): void {
  if (!cy || !model) return;
  cy.resize();
  cy.fit(undefined, 30);
  if (cy.zoom() > MAX_START_ZOOM) {
    cy.zoom(MAX_START_ZOOM);
    cy.center();
  }
}

function tooltipOf(el: NodeSingular): string {
  if (!model) return '';
  if (el.hasClass('group')) {
    const members = String(el.data('members') ?? '').split(' ').filter(Boolean);
    const names = members.slice(0, 12).map((m) => `• ${model!.label(model!.nodes.get(m)!, t.lang)}`);
    const more = members.length > 12 ? [t.t('andMore', { n: t.number(members.length - 12) })] : [];
    return [String(el.data('label')), ...names, ...more, t.s.groupHint].join('\n');
  }
  const node = model.nodes.get(el.id());
  return node ? `${model.label(node, t.lang)}\n${t.kind(node.kind)} · ${node.id}` : '';
}

/** Draws a group's nodes one by one, and lays the picture out again. */
async function openGroup(groupId: string): Promise<void> {
  if (!cy) return;
  openGroups.add(groupId);
  await redraw(true);
}

/** Replaces every element (groups change as nodes are added or opened), then lays out and fits. */
async function redraw(animate: boolean): Promise<void> {
  if (!cy) return;
  cy.elements().remove();
  cy.add(currentElements());
  for (const id of expanded) cy.getElementById(id).addClass('expanded');
  userMoved = false;
  await layout(animate);
  publish();
}

function nodeColour(share: number | null): string {
  return share === null ? UNMODELLED : importColour(share);
}

function stylesheet(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: (n: NodeSingular) => (KIND_SHAPES[n.data('kind')] ?? 'ellipse') as never,
        'background-color': 'data(colour)',
        width: 26,
        height: 26,
        'border-width': 1.5,
        'border-color': p.border,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 12,
        color: p.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': p.labelBackground,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node.product, node.part', style: { width: 30, height: 30 } },
    { selector: 'node.mine', style: { 'text-margin-y': 4 } },
    {
      selector: 'node.root',
      style: { width: 42, height: 42, 'border-width': 3, 'border-color': p.text, 'font-size': 13, 'font-weight': 700 },
    },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4, 'border-color': p.muted } },
    // A group (many firms or sites drawn as one node) looks stacked: a dashed outline and a shadow
    // behind, so a "single point of failure" that is really forty firms is not mistaken for one.
    {
      selector: 'node.firm-group',
      style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': p.text, 'shadow-blur': 0, 'shadow-color': p.muted, 'shadow-offset-x': 5, 'shadow-offset-y': -5, 'shadow-opacity': 0.9 } as never,
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': p.accent, 'overlay-opacity': 0 } },
    {
      selector: 'node.group',
      style: { width: 38, height: 38, 'border-style': 'dashed', 'border-width': 2, 'border-color': p.muted, 'font-weight': 600, 'background-opacity': 0.85 },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.9,
      },
    },
    { selector: 'edge.foreign', style: { 'line-color': importColour(1), 'target-arrow-color': importColour(1), opacity: 0.75 } },
    { selector: 'edge.faded, node.faded', style: { opacity: 0.25 } },
    { selector: 'edge.highlight', style: { 'line-color': p.accent, 'target-arrow-color': p.accent, opacity: 1 } },
    { selector: 'edge.grouped', style: { 'line-style': 'dashed' } },
  ] as StylesheetJson;
}

function select(nodeId: string | null): void {
  if (!cy || !model) return;
  if (nodeId && cy.getElementById(nodeId).empty()) {
    // Inside a group: open it first.
    const group = groups.find((g) => g.members.includes(nodeId));
    if (group) {
      openGroups.add(group.id);
      void redraw(false).then(() => select(nodeId));
      return;
    }
  }
  selected = nodeId;
  cy.elements().removeClass('highlight');
  cy.$(':selected').unselect();
  if (!nodeId) {
    details.hidden = true;
    publish();
    return;
  }
  const el = cy.getElementById(nodeId);
  el.select();
  el.connectedEdges().addClass('highlight');
  const node = model.nodes.get(nodeId);
  if (node) {
    details.replaceChildren(
      ...renderDetails(node, t, model.homeCountry, {
        expand: (nid) => void expand(nid),
        recentre: (nid) => window.location.assign(withParams(href, { id: nid })),
        select: (nid) => {
          select(nid);
          cy?.animate({ center: { eles: cy.getElementById(nid) } }, { duration: 250 });
        },
        close: () => select(null),
        flowsHref: (nid) => (['PRODUCT', 'PART'].includes(model!.nodes.get(nid)?.kind ?? '') ? withParams(href, { id: nid, direction: null, depth: null, maxNodes: null }, 'flows') : null),
        isExpanded: (nid) => expanded.has(nid),
        inGraph: (nid) => model!.nodes.has(nid),
      }),
    );
    details.hidden = false;
    revealBesidePanel(nodeId);
  }
  publish();
}

/** Pans so that a node the details panel would cover stays in sight beside it. */
function revealBesidePanel(nodeId: string): void {
  if (!cy) return;
  const p = cy.getElementById(nodeId).renderedPosition();
  const panel = details.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  const rtl = t.lang === 'fa';
  const edge = rtl ? panel.right - box.left + 40 : panel.left - box.left - 40;
  const hidden = rtl ? p.x < edge : p.x > edge;
  if (hidden) cy.animate({ panBy: { x: edge - p.x + (rtl ? 20 : -20), y: 0 } }, { duration: 250 });
}

/** Loads the node's direct neighbours both ways (depth 1) and merges them into the picture. */
async function expand(nodeId: string): Promise<void> {
  if (!cy || !model) return;
  const button = details.querySelector<HTMLButtonElement>('[data-action="expand"]');
  if (button) button.disabled = true;
  try {
    const answer = await request<{ upstream: DependencyGraph; downstream: DependencyGraph }>(operations, 'Neighbours', { id: nodeId });
    const offset = model.nodes.get(nodeId)?.depth ?? 0;
    model.merge(answer.upstream, offset);
    model.merge(answer.downstream, offset);
    expanded.add(nodeId);
    await redraw(true);
    select(nodeId);
  } catch (error) {
    shell.status(error instanceof Error ? error.message : String(error));
    if (button) button.disabled = false;
  }
}

function publish(): void {
  if (!cy || !model) return;
  const m = model;
  const c = cy;
  // Every node and edge of the walk, whether drawn on its own or inside a group.
  const nodes = [...m.nodes.keys()];
  const edges = [...m.edges.values()].filter((e) => m.nodes.has(e.edge.from) && m.nodes.has(e.edge.to)).map((e) => ({ type: e.edge.type, from: e.edge.from, to: e.edge.to }));
  shell.status(
    t.t('nodesEdges', { nodes: t.number(nodes.length), edges: t.number(edges.length) }),
    groups.length ? t.t('groupsStatus', { n: t.number(groups.length), nodes: t.number(groups.reduce((s, g) => s + g.members.length, 0)) }) : null,
    m.truncated ? t.t('truncated', { n: t.number(maxNodes) }) : null,
    beyondCut > 0 ? t.t('depthLimited', { all: t.number(beyondCut), n: t.number(depthCut), d: t.number(depth + 1) }) : null,
  );
  shell.ready({
    root: m.rootId,
    direction: up ? 'up' : 'down',
    homeCountry: m.homeCountry,
    truncated: m.truncated,
    depthLimited: beyondCut > 0,
    nodesAtNextDepth: depthCut,
    nodesBeyondDepth: beyondCut,
    nodes,
    edges,
    labels: Object.fromEntries(c.nodes().map((n) => [n.id(), n.data('label') as string])),
    /** What is on the canvas: single nodes and group nodes. */
    drawn: c.nodes().map((n) => n.id()),
    groups: groups.map((g) => ({ id: g.id, kind: g.kind, depth: g.depth, count: g.members.length, members: [...g.members] })),
    zoom: c.zoom(),
    /** Each drawn node's box with its label, in the graph container's pixels (to check nothing is off-frame). */
    boxes() {
      return c.nodes().map((n) => {
        const b = n.renderedBoundingBox({ includeLabels: true });
        return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      });
    },
    frame: { width: container.clientWidth, height: container.clientHeight },
    importShares: Object.fromEntries([...m.nodes.values()].map((n) => [n.id, n.importShare])),
    /** Nodes that stand for many firms or sites (`group: true`), drawn stacked (class and style). */
    firmGroups: c.nodes('.firm-group').map((n) => n.id()),
    /** How a node's outline is drawn, as Cytoscape computed it (for tests). */
    borderStyleOf(nodeId: string) {
      const el = c.getElementById(nodeId);
      return el.empty() ? null : (el.style('border-style') as string);
    },
    selected,
    expanded: [...expanded],
    /** Where a node is drawn, in page coordinates (for clicking it from a test). */
    positionOf(nodeId: string) {
      const el = c.getElementById(nodeId);
      if (el.empty()) return null;
      const p = el.renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  });
}

// ---------------------------------------------------------------- controls

function buildToolbar(): void {
  const seg = h(
    'div',
    { class: 'seg', role: 'group', 'aria-label': 'direction' },
    h('a', { href: withParams(href, { direction: null }), 'aria-current': String(up), 'data-direction': 'up' }, t.s.upstream),
    h('a', { href: withParams(href, { direction: 'down' }), 'aria-current': String(!up), 'data-direction': 'down' }, t.s.downstream),
  );
  const depthSelect = h('select', { id: 'depth', 'data-control': 'depth' });
  depthSelect.addEventListener('change', () => window.location.assign(withParams(href, { depth: depthSelect.value })));
  updateDepthOptions(Math.max(depth, 8), depthSelect);

  const input = h('input', { type: 'search', placeholder: t.s.search, 'aria-label': t.s.searchLabel, autocomplete: 'off', spellcheck: 'false', dir: 'auto', 'data-control': 'search' });
  const results = h('ul', { class: 'results', role: 'listbox', hidden: true });
  const searchBox = h('div', { class: 'search' }, input, results);
  wireSearch(input, results);

  const zoom = (factor: number) => {
    if (!cy) return;
    userMoved = true;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
  };
  const fit = () => {
    userMoved = true;
    cy?.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 200 });
  };
  const zoomButtons = () => [
    h('button', { class: 'btn', type: 'button', title: t.s.zoomOut, 'aria-label': t.s.zoomOut, 'data-action': 'zoom-out', onclick: () => zoom(1 / 1.25) }, '−'),
    h('button', { class: 'btn', type: 'button', title: t.s.zoomIn, 'aria-label': t.s.zoomIn, 'data-action': 'zoom-in', onclick: () => zoom(1.25) }, '+'),
    h('button', { class: 'btn', type: 'button', title: t.s.fit, 'aria-label': t.s.fit, 'data-action': 'fit', onclick: fit }, '⤢'),
  ];
  shell.toolbar.append(
    seg,
    h('div', { class: 'group' }, h('label', { for: 'depth' }, t.s.depth), depthSelect),
    searchBox,
    h('span', { class: 'spacer' }),
    h('div', { class: 'group' }, ...zoomButtons()),
    saveButtons(t, (kind) => (kind === 'png' ? savePng() : void saveSvg())),
  );
  zoomMini.append(...zoomButtons().reverse());
}

function updateDepthOptions(maxDepth: number, select = document.querySelector<HTMLSelectElement>('#depth')): void {
  if (!select) return;
  // Real chains run 15-20 hops deep; a longer list than 40 would only be noise.
  const top = Math.max(Math.min(maxDepth, 40), depth);
  select.replaceChildren(...Array.from({ length: top }, (_, i) => h('option', { value: i + 1, selected: i + 1 === depth }, t.number(i + 1))));
}

function wireSearch(input: HTMLInputElement, results: HTMLUListElement): void {
  let timer: number | undefined;
  let active = -1;
  let hits: { id: string; kind: string; name: string; nameFa: string }[] = [];
  const close = () => {
    results.hidden = true;
    active = -1;
  };
  const go = (hit: { id: string }) => {
    close();
    input.value = '';
    if (model?.nodes.has(hit.id)) {
      select(hit.id);
      cy?.animate({ center: { eles: cy.getElementById(hit.id) }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
      userMoved = true;
    } else {
      window.location.assign(withParams(href, { id: hit.id }));
    }
  };
  const show = () => {
    results.replaceChildren(
      ...(hits.length
        ? hits.map((hit, i) =>
            h(
              'li',
              { role: 'option', 'aria-selected': String(i === active), 'data-id': hit.id, onmousedown: (e: Event) => (e.preventDefault(), go(hit)) },
              h('span', { class: 'name', dir: 'auto' }, t.lang === 'fa' ? hit.nameFa || hit.name : hit.name),
              h('span', { class: 'meta' }, `${t.kind(hit.kind)} · `, h('span', { dir: 'ltr' }, hit.id)),
            ),
          )
        : [h('li', { class: 'empty' }, t.s.noMatches)]),
    );
    results.hidden = false;
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return close();
    timer = window.setTimeout(async () => {
      try {
        const data = await request<{ search: { node: { id: string; kind: string; name: string; nameFa: string } }[] }>(operations, 'Search', { text });
        if (input.value.trim() !== text) return;
        hits = data.search.map((s) => s.node);
        active = hits.length ? 0 : -1;
        show();
      } catch {
        close();
      }
    }, 180);
  });
  input.addEventListener('keydown', (e) => {
    if (results.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % Math.max(1, hits.length);
      show();
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      go(hits[active]!);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
}

// ---------------------------------------------------------------- pictures

function baseName(ext: string): string {
  return fileName([model?.rootId ?? id, up ? 'upstream' : 'downstream', t.lang], ext);
}

function savePng(): void {
  if (!cy) return;
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: colours.background, maxWidth: 8000, maxHeight: 8000 });
  saveFile(baseName('png'), blob);
}

let svgRegistered = false;

async function saveSvg(): Promise<void> {
  if (!cy) return;
  // Loaded on first use: most visitors never export, so the plugin stays out of the main bundle.
  if (!svgRegistered) {
    const { default: svgExport } = await import('cytoscape-svg');
    cytoscape.use(svgExport);
    svgRegistered = true;
  }
  const text = (cy as Core & { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: colours.background });
  saveFile(baseName('svg'), new Blob([await withEmbeddedFont(text)], { type: 'image/svg+xml' }));
}
