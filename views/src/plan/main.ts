// /view/plan?budget=…: the localization plan for a budget as a marginal-cost curve. Each picked
// project is a bar as wide as its remaining cost and as tall as its net saving a year per dollar,
// in the order the plan picks them; beyond the budget line, what would still save but does not
// fit; below, apart, the parallel work the plan calls REDUNDANT; and a list of what cannot be
// ranked. The numbers are the server's localizationPlan answer. Beside the curve, the best plan for
// the same budget and filters (optimalPlan, solved exactly): its status, what it saves against the
// greedy plan, and by name the projects where the two differ, each with why in one line.

import '@fontsource-variable/vazirmatn';
import './plan.css';
import operations from './operations.graphql?raw';
import { importColour, palette } from '../shared/colours.js';
import { fileName, h, svg } from '../shared/dom.js';
import { compactUsd, signedCompactUsd } from '../shared/money.js';
import { request } from '../shared/graphql.js';
import { numberParam, withParams } from '../shared/params.js';
import { createShell, onResize } from '../shared/page.js';
import { saveButtons, saveSvgPicture, type PictureKind } from '../shared/svg-export.js';
import { compare, curve, reasonLine, type Bar, type Comparison, type Curve, type DifferenceRow, type OptimalAnswer, type PlanAnswer, type PlanProject } from './plan-model.js';
import { fill, planStrings } from './strings.js';

const shell = createShell('plan', (t) => planStrings(t.lang).planLink);
const { i18n: t, params, search } = shell;
const s = planStrings(t.lang);
const budgetRaw = search.get('budget')?.trim() ?? '';
const minProgress = search.get('minProgress') === null ? null : numberParam(search, 'minProgress', 0, 1, 0);
const statuses = (search.get('statuses') ?? '')
  .split(',')
  .map((x) => x.trim().toUpperCase())
  .filter(Boolean);
// Only the best plan takes a jobs floor (the greedy order has none).
const minJobs = search.get('minJobs') === null ? null : numberParam(search, 'minJobs', 0, 1e12, 0);
const colours = palette(params.theme);
const href = window.location.href;
const PICKED = importColour(0);
const OVER = importColour(0.5);
const REDUNDANT = importColour(1);

shell.addLink('balance', t.s.balanceLink, withParams(href, { budget: null, minProgress: null, statuses: null }, 'balance'));
shell.addLink('plan', s.planLink, withParams(href, {}));
shell.addLink('schedule', s.scheduleLink, withParams(href, { budget: null, minProgress: null, statuses: null, minJobs: null, budgets: budgetRaw || null }, 'schedule'));
const legendBox = h('div', { class: 'plan-legend' });
const chart = h('div', { class: 'chart', 'data-testid': 'chart' });
const bestBox = h('aside', { class: 'plan-best', 'data-part': 'best', 'aria-label': s.best });
const unrankedBox = h('div', { class: 'plan-unranked' });
shell.stage.append(legendBox, h('div', { class: 'plan-body' }, chart, bestBox), unrankedBox);

let model: Curve | null = null;
let answer: PlanAnswer | null = null;
let svgEl: SVGSVGElement | null = null;

const budgetInput = h('input', { id: 'budget', type: 'text', inputmode: 'decimal', value: budgetRaw, size: 12, 'data-control': 'budget', dir: 'ltr' });
const progressSelect = h(
  'select',
  { id: 'min-progress', 'data-control': 'minProgress' },
  h('option', { value: '' }, s.anyProgress),
  ...[0.25, 0.5, 0.75].map((p) => h('option', { value: String(p), selected: minProgress === p }, t.percent(p))),
);
const go = () => window.location.assign(withParams(href, { budget: budgetInput.value.trim() || null, minProgress: progressSelect.value || null }));
budgetInput.addEventListener('keydown', (e) => {
  if ((e as KeyboardEvent).key === 'Enter') go();
});
progressSelect.addEventListener('change', go);
shell.toolbar.append(
  h('div', { class: 'group' }, h('label', { for: 'budget' }, s.budget), budgetInput, h('button', { class: 'btn', type: 'button', 'data-action': 'plan', onclick: go }, s.apply)),
  h('div', { class: 'group' }, h('label', { for: 'min-progress' }, s.minProgress), progressSelect),
  h('span', { class: 'spacer' }),
  saveButtons(t, (kind) => void save(kind)),
);

void main();

async function main(): Promise<void> {
  shell.loading();
  if (!budgetRaw) return shell.fail(new Error(s.missingBudget));
  const budgetUsd = Number(budgetRaw);
  if (!Number.isFinite(budgetUsd)) return shell.fail(new Error(fill(s.badBudget, { value: budgetRaw })));
  const filters = { budgetUsd, minProgress, statuses: statuses.length ? statuses : null };
  // Asked at once, beside the greedy plan; a failure of the solver leaves the greedy part standing.
  const bestAnswer = request<{ optimalPlan: OptimalAnswer }>(operations, 'OptimalPlan', { ...filters, minJobs }).then(
    (d) => d.optimalPlan,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  try {
    const [data] = await Promise.all([
      request<{ localizationPlan: PlanAnswer }>(operations, 'LocalizationPlan', filters),
      document.fonts.load('12px "Vazirmatn Variable"', 'Steel فولاد').catch(() => undefined),
    ]);
    answer = data.localizationPlan;
    model = curve(answer);
    shell.setTitle(fill(s.planTitle, { budget: money(answer.budgetUsd) }));
    if (params.legend) legendBox.append(legend());
    render();
    renderUnranked();
    onResize(shell.stage, render);
    shell.status(
      fill(s.status, {
        picked: t.number(answer.steps.length),
        candidates: t.number(answer.candidates),
        spent: money(answer.spentUsd),
        budget: money(answer.budgetUsd),
        saving: money(answer.totalSavingUsd),
      }),
    );
    const best = await bestAnswer;
    const comparison = best instanceof Error ? null : compare(best, answer);
    renderBest(comparison, best instanceof Error ? best : null);
    const bars = (list: Bar[]) => list.map((b) => ({ id: b.project.id, x0: b.x0, x1: b.x1, cost: b.cost, ratio: b.ratio, saving: b.saving }));
    shell.ready({
      budgetUsd: answer.budgetUsd,
      totalSavingUsd: answer.totalSavingUsd,
      picked: bars(model.picked),
      over: bars(model.over),
      redundant: bars(model.redundant),
      unranked: model.unranked.map((u) => ({ id: u.project.id, reason: u.reason })),
      best: comparison && {
        status: comparison.status,
        verdict: comparison.verdict,
        netSavingUsd: comparison.netSavingUsd,
        greedyNetSavingUsd: comparison.greedyNetSavingUsd,
        gainUsd: comparison.gainUsd,
        mipGap: comparison.mipGap,
        onlyBest: comparison.onlyBest.map((r) => diffModel(comparison, r)),
        onlyGreedy: comparison.onlyGreedy.map((r) => diffModel(comparison, r)),
      },
      bestError: best instanceof Error ? best.message : null,
      nodes: [...model.picked, ...model.over, ...model.redundant].map((b) => b.project.id).concat(model.unranked.map((u) => u.project.id)),
    });
  } catch (error) {
    shell.fail(error);
  }
}

function name(p: { name: string; nameFa: string }): string {
  return t.lang === 'fa' ? p.nameFa || p.name : p.name;
}

/** Compact dollars for axes and labels: $250K, $1.2B (Persian: ۲۵۰ هزار دلار). */
function money(n: number): string {
  return compactUsd(t.lang, n);
}

const line = (c: Comparison, r: DifferenceRow) => reasonLine(r, c.gainUsd, s, name as (p: PlanProject) => string, (n) => signedCompactUsd(t.lang, n));
const diffModel = (c: Comparison, r: DifferenceRow) => ({ id: r.project.id, name: name(r.project), reason: r.reason.kind, line: line(c, r), explanation: r.explanation });

function statusText(c: Comparison): string {
  if (c.status === 'TIME_LIMIT') return c.mipGap === null ? s.status_TIME_LIMIT_NOGAP : fill(s.status_TIME_LIMIT, { gap: t.percent(c.mipGap, 1) });
  return c.status === 'OPTIMAL' ? s.status_OPTIMAL : s.status_INFEASIBLE;
}

function verdictText(c: Comparison): string {
  switch (c.verdict) {
    case 'SAME':
      return fill(s.same, { saving: money(c.netSavingUsd) });
    case 'BETTER':
      return fill(s.better, { gain: signedCompactUsd(t.lang, c.gainUsd) });
    case 'WORSE':
      return fill(s.worse, { gain: signedCompactUsd(t.lang, c.gainUsd) });
    case 'INFEASIBLE':
      return fill(s.infeasible, { jobs: minJobs ? fill(s.infeasibleJobs, { jobs: t.number(minJobs) }) : '' });
  }
}

/** The best plan beside the curve: status, the figures against the greedy plan, and the differences. */
function renderBest(c: Comparison | null, error: Error | null): void {
  bestBox.replaceChildren();
  if (!c) {
    bestBox.append(h('h2', {}, s.best), h('p', { class: 'best-error', 'data-part': 'best-error', dir: 'auto' }, fill(s.bestFailed, { message: error?.message ?? '' })));
    return;
  }
  const figure = (part: string, label: string, value: string) => h('div', { class: 'figure', 'data-part': part }, h('dt', {}, label), h('dd', {}, value));
  const aYear = (n: number) => fill(s.aYear, { money: money(n) });
  const figures = h('dl', { class: 'best-figures' });
  if (c.verdict !== 'INFEASIBLE') {
    figures.append(
      figure('best-saving', s.bestSaves, aYear(c.netSavingUsd)),
      figure('greedy-saving', s.greedySaves, aYear(c.greedyNetSavingUsd)),
      figure('gain', s.gain, fill(s.aYear, { money: signedCompactUsd(t.lang, c.gainUsd) })),
      figure('best-spent', s.spent, fill(s.ofBudget, { spent: money(c.spentUsd), budget: money(c.budgetUsd) })),
    );
    if (c.jobs > 0) figures.append(figure('best-jobs', s.jobs, t.number(c.jobs)));
  } else {
    figures.append(figure('greedy-saving', s.greedySaves, aYear(c.greedyNetSavingUsd)));
  }
  const list = (side: 'best' | 'greedy', heading: string, rows: DifferenceRow[]) =>
    rows.length === 0
      ? null
      : h(
          'section',
          { class: `best-diff side-${side}`, 'data-part': `only-${side}` },
          h('h3', {}, heading),
          h(
            'ul',
            {},
            ...rows.map((r) =>
              h(
                'li',
                { 'data-id': r.project.id, 'data-reason': r.reason.kind, title: r.explanation },
                h('strong', { class: 'name' }, name(r.project)),
                r.savingUsd === null || r.costUsd === null ? null : h('span', { class: 'row-figures' }, fill(s.rowFigures, { saving: money(r.savingUsd), cost: money(r.costUsd) })),
                h('span', { class: 'why' }, line(c, r)),
              ),
            ),
          ),
        );
  bestBox.append(
    h('h2', {}, s.best),
    h('p', { class: `best-status status-${c.status}`, 'data-part': 'best-status', 'data-status': c.status }, statusText(c)),
    h('p', { class: 'best-verdict', 'data-part': 'best-verdict', 'data-verdict': c.verdict }, verdictText(c)),
    figures,
    ...[
      list('best', s.onlyBest, c.onlyBest),
      list('greedy', c.verdict === 'SAME' && c.onlyBest.length === 0 ? s.sameSavingFewer : s.onlyGreedy, c.onlyGreedy),
    ].filter((x): x is HTMLElement => x !== null),
  );
}

function ratioText(r: number | null): string {
  return r === null ? '∞' : t.usd(r);
}

function legend(): HTMLElement {
  const sw = (colour: string, label: string, extra = '') => h('span', { class: 'item' }, h('span', { class: `swatch ${extra}`, style: `background:${colour}` }), label);
  return h(
    'div',
    { class: 'row' },
    h('strong', {}, `${s.ratioAxis} × ${s.costAxis}`),
    sw(PICKED, s.picked),
    sw(OVER, s.over, 'faint'),
    sw(REDUNDANT, 'REDUNDANT', 'hatched'),
    h('span', { class: 'item' }, h('span', { class: 'budget-mark' }), fill(s.budgetLine, { budget: money(answer?.budgetUsd ?? 0) })),
  );
}

function render(): void {
  chart.replaceChildren();
  if (!model || !answer) return;
  if (model.picked.length + model.over.length + model.redundant.length === 0) {
    chart.append(h('p', { class: 'empty' }, s.empty));
    svgEl = null;
    return;
  }
  const fa = t.lang === 'fa';
  const width = Math.max(520, chart.clientWidth);
  const left = 84;
  const right = 44;
  const top = 34;
  const plotH = Math.max(180, Math.min(420, (chart.clientHeight || 480) - 100 - model.redundant.length * 24));
  const axisY = top + plotH;
  const stripTop = axisY + 56;
  const ROW = 24;
  const stripH = model.redundant.length * ROW;
  const height = stripTop + stripH + (model.redundant.length ? 12 : 0);
  const plotW = width - left - right;
  const ratioStep = niceStep((model.ratioMax > 0 ? model.ratioMax : 1) / 4);
  const ratioMax = Math.ceil((model.ratioMax > 0 ? model.ratioMax * 1.04 : 1) / ratioStep) * ratioStep;
  const xs = (usd: number) => left + (Math.min(usd, model!.costMax) / model!.costMax) * plotW;
  const ys = (ratio: number) => axisY - (Math.min(ratio, ratioMax) / ratioMax) * plotH;
  // Mirrored for Persian: the curve reads right to left like the page.
  const X = (x: number) => (fa ? width - x : x);
  const rectX = (x0: number, x1: number) => (fa ? width - x1 : x0);
  const font = { 'font-family': '"Vazirmatn Variable", "DejaVu Sans", sans-serif', 'font-size': 12, fill: colours.text };
  const g = svg('g', font);
  const defs = svg(
    'defs',
    {},
    svg('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, svg('rect', { width: 6, height: 6, fill: REDUNDANT, opacity: 0.25 }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: REDUNDANT, 'stroke-width': 2.5 })),
  );

  // Axes and grid.
  for (let i = 0; i * ratioStep <= ratioMax + 1e-12; i += 1) {
    const ratio = ratioStep * i;
    const y = ys(ratio);
    g.append(
      svg('line', { x1: X(left), x2: X(width - right), y1: y, y2: y, stroke: colours.edge, 'stroke-dasharray': i === 0 ? null : '2 4', opacity: i === 0 ? 0.9 : 0.5 }),
      svg('text', { x: X(left - 6), y, 'text-anchor': 'end', 'dominant-baseline': 'middle', fill: colours.muted, 'font-size': 11 }, t.usd(ratio)),
    );
  }
  const costStep = niceStep(model.costMax / 5);
  for (let usd = 0; usd <= model.costMax + 1e-9; usd += costStep) {
    g.append(
      svg('line', { x1: X(xs(usd)), x2: X(xs(usd)), y1: axisY, y2: axisY + 4, stroke: colours.edge }),
      svg('text', { x: X(xs(usd)), y: axisY + 16, 'text-anchor': 'middle', fill: colours.muted, 'font-size': 11 }, money(usd)),
    );
  }
  g.append(
    svg('text', { x: X(left + plotW / 2), y: axisY + 34, 'text-anchor': 'middle', fill: colours.muted }, s.costAxis),
    svg('text', { x: X(left), y: top - 16, 'text-anchor': 'start', fill: colours.muted }, s.ratioAxis),
  );

  /** A bar from x0 to x1 on the cost axis, up from `base`: as tall as its ratio, or `full` when given. */
  const drawBar = (b: Bar, base: number, span: number, fill: string, opacity: number, full = false) => {
    const x0 = xs(b.x0);
    const w = Math.max(3, xs(b.x1) - x0);
    const y = full || b.ratio === null ? base - span : base - (Math.min(b.ratio, ratioMax) / ratioMax) * span;
    const group = svg('g', { 'data-id': b.project.id, 'data-kind': b.kind, 'data-cost': b.cost, 'data-ratio': b.ratio ?? 'Infinity' });
    group.append(
      svg('rect', { x: rectX(x0, x0 + w), y, width: w, height: Math.max(1, base - y), fill, opacity, stroke: colours.background, 'stroke-width': 1 }, svg('title', {}, fill_(b))),
    );
    if (b.kind === 'redundant') {
      // Apart, one row each: the name and what it would save alone, beside the bar.
      group.append(svg('text', { x: X(x0 + w + 6), y: (y + base) / 2, 'text-anchor': 'start', 'dominant-baseline': 'middle', 'font-size': 11, fill: colours.text }, `${name(b.project)} · ${money(b.saving)} ${s.perYear} (${ratioText(b.ratio)}/$)`));
    } else if (w > 46) {
      const label = clip(name(b.project), w);
      group.append(svg('text', { x: X(x0 + w / 2), y: Math.max(top - 2, y - 5), 'text-anchor': 'middle', 'font-size': 11, fill: colours.text }, label));
    }
    if (b.ratio === null && b.kind !== 'redundant') group.append(svg('text', { x: X(x0 + w / 2), y: top + 12, 'text-anchor': 'middle', 'font-size': 10.5, fill: colours.muted }, `∞ · ${s.nothingLeft}`));
    g.append(group);
  };
  const fill_ = (b: Bar) => fill(s.barTitle, { name: name(b.project), saving: money(b.saving), cost: money(b.cost), ratio: ratioText(b.ratio) });
  for (const b of model.picked) drawBar(b, axisY, plotH, PICKED, 0.95);
  for (const b of model.over) drawBar(b, axisY, plotH, OVER, 0.55);

  // The budget line.
  const budget = answer.budgetUsd;
  if (budget <= model.costMax) {
    const x = xs(budget);
    g.append(
      svg('line', { x1: X(x), x2: X(x), y1: top - 8, y2: axisY + 4, stroke: colours.text, 'stroke-width': 1.5, 'stroke-dasharray': '5 3', 'data-part': 'budget' }),
      svg('text', { x: X(x), y: top - 22 + 0, 'text-anchor': 'middle', 'font-weight': 600 }, fill(s.budgetLine, { budget: money(budget) })),
    );
  } else {
    g.append(svg('text', { x: X(width - right), y: top - 16, 'text-anchor': 'end', 'font-weight': 600, 'data-part': 'budget' }, fill(s.budgetBeyond, { budget: money(budget) })));
  }

  // Parallel work, apart: what each would save alone.
  if (model.redundant.length) {
    g.append(svg('text', { x: X(left), y: stripTop - 10, 'text-anchor': 'start', 'font-weight': 600, fill: REDUNDANT }, s.redundant));
    // One row each, from the start of the cost axis: width the remaining cost, as above.
    model.redundant.forEach((b, i) => drawBar({ ...b, x0: 0, x1: b.cost }, stripTop + (i + 1) * ROW - 4, ROW - 8, 'url(#hatch)', 1, true));
  }
  svgEl = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': document.title }, defs, g);
  chart.append(svgEl);
}

function renderUnranked(): void {
  unrankedBox.replaceChildren();
  if (!model || model.unranked.length === 0) return;
  unrankedBox.append(
    h('strong', {}, `${s.unranked}: `),
    ...model.unranked.map((u, i) =>
      h('span', { class: 'unranked', 'data-id': u.project.id, 'data-reason': u.reason }, i > 0 ? ' · ' : '', name(u.project), ` (${s[`reason_${u.reason}` as 'reason_NO_BUDGET'] ?? u.reason})`),
    ),
  );
}

/** 1, 2 or 5 times a power of ten, at least x: tick steps people read easily. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
}

/** Cuts a label to about the width available (11 px text: ~6 px a character). */
function clip(text: string, width: number): string {
  const max = Math.floor((width - 6) / 6);
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

async function save(kind: PictureKind): Promise<void> {
  if (!svgEl) return;
  await saveSvgPicture(svgEl, colours.background, fileName(['plan', budgetRaw, t.lang], kind), kind, Number(svgEl.getAttribute('width')), Number(svgEl.getAttribute('height')));
}
