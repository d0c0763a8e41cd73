// /view/schedule?budgets=…&start=…: which localization projects to fund in which year, from yearly
// budgets. A strip of year columns: one row per funded project, its bar starting in the column of
// the year it is funded (solid: it pays its remaining cost) and running on (lighter: it saves from
// the next year); under it, the saving a year rising year by year, and the money available against
// what is spent. The numbers are the server's localizationSchedule answer.

import '@fontsource-variable/vazirmatn';
import './schedule.css';
import operations from './operations.graphql?raw';
import { importColour, palette } from '../shared/colours.js';
import { fileName, h, svg } from '../shared/dom.js';
import { fill } from '../shared/i18n.js';
import { compactUsd } from '../shared/money.js';
import { request } from '../shared/graphql.js';
import { intParam, numberParam, withParams } from '../shared/params.js';
import { createShell, onResize } from '../shared/page.js';
import { saveButtons, saveSvgPicture, type PictureKind } from '../shared/svg-export.js';
import { layout, parseBudgets, type ScheduleAnswer, type ScheduleLayout } from './schedule-model.js';
import { scheduleStrings } from './strings.js';

const shell = createShell('schedule', (t) => scheduleStrings(t.lang).scheduleLink);
const { i18n: t, params, search } = shell;
const s = scheduleStrings(t.lang);
const budgetsRaw = search.get('budgets')?.trim() ?? '';
const parsed = parseBudgets(budgetsRaw);
const budgetCount = 'budgets' in parsed ? parsed.budgets.length : 1;
const startYear = intParam(search, 'start', 1900, 2200) ?? new Date().getUTCFullYear();
const horizon = intParam(search, 'horizon', 1, 100) ?? Math.max(10, budgetCount);
const discount = numberParam(search, 'discount', 0, 0.99, 0);
const minJobs = search.get('minJobs') === null ? null : numberParam(search, 'minJobs', 0, 1e12, 0);
const colours = palette(params.theme);
const href = window.location.href;
const FUNDED = colours.accent;
const SAVING = importColour(0);
const firstBudget = 'budgets' in parsed ? parsed.budgets[0] : undefined;

shell.addLink('plan', s.planLink, withParams(href, { budgets: null, start: null, horizon: null, discount: null, minJobs: null, budget: firstBudget ?? null }, 'plan'));
shell.addLink('schedule', s.scheduleLink, withParams(href, {}));
const legendBox = h('div', { class: 'schedule-legend' });
const chart = h('div', { class: 'chart', 'data-testid': 'chart' });
const notesBox = h('div', { class: 'schedule-notes' });
shell.stage.append(legendBox, chart, notesBox);

let answer: ScheduleAnswer | null = null;
let model: ScheduleLayout | null = null;
let svgEl: SVGSVGElement | null = null;

const input = (id: string, value: string, size: number, mode = 'decimal') => h('input', { id, type: 'text', inputmode: mode, value, size, 'data-control': id, dir: 'ltr' });
const budgetsInput = input('budgets', budgetsRaw, 22);
const startInput = input('start', String(startYear), 5, 'numeric');
const horizonInput = input('horizon', String(horizon), 3, 'numeric');
const discountInput = input('discount', String(discount), 4);
const go = () =>
  window.location.assign(
    withParams(href, {
      budgets: budgetsInput.value.replace(/\s+/g, '') || null,
      start: startInput.value.trim() || null,
      horizon: horizonInput.value.trim() || null,
      discount: discountInput.value.trim() || null,
    }),
  );
for (const el of [budgetsInput, startInput, horizonInput, discountInput]) {
  el.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') go();
  });
}
const labelled = (id: string, label: string, el: HTMLElement) => h('div', { class: 'group' }, h('label', { for: id }, label), el);
shell.toolbar.append(
  labelled('budgets', s.budgets, budgetsInput),
  labelled('start', s.start, startInput),
  labelled('horizon', s.horizon, horizonInput),
  labelled('discount', s.discount, discountInput),
  h('button', { class: 'btn', type: 'button', 'data-action': 'schedule', onclick: go }, s.apply),
  h('span', { class: 'spacer' }),
  saveButtons(t, (kind) => void save(kind)),
);

void main();

async function main(): Promise<void> {
  shell.loading();
  shell.setTitle(fill(s.title, { start: year(startYear) }));
  if ('error' in parsed) return shell.fail(new Error(parsed.error === 'missing' ? s.missingBudgets : fill(s.badBudgets, { value: parsed.value })));
  try {
    const [data] = await Promise.all([
      request<{ localizationSchedule: ScheduleAnswer }>(operations, 'LocalizationSchedule', {
        budgetsUsd: parsed.budgets,
        startYear,
        horizonYears: horizon,
        discountRate: discount,
        minJobs,
      }),
      document.fonts.load('12px "Vazirmatn Variable"', 'Steel فولاد').catch(() => undefined),
    ]);
    answer = data.localizationSchedule;
    model = layout(answer);
    if (params.legend) legendBox.append(legend());
    render();
    renderNotes();
    onResize(shell.stage, render);
    shell.status(
      statusText(answer),
      fill(s.objective, { objective: money(answer.objectiveUsd), horizon: t.number(answer.years.length), start: year(startYear), rate: t.percent(discount, 1) }),
      fill(s.funded, { n: t.number(answer.projects.length) }),
      fill(s.final, { saving: money(model.finalSavingUsd) }),
    );
    shell.ready({
      status: answer.status,
      objectiveUsd: answer.objectiveUsd,
      mipGap: answer.mipGap,
      budgetsUsd: parsed.budgets,
      startYear,
      horizonYears: horizon,
      discountRate: discount,
      years: model.years.map((y) => ({ year: y.year, availableUsd: y.availableUsd, spentUsd: y.spentUsd, savingUsd: y.savingUsd })),
      rows: model.rows.map((r) => ({ id: r.project.id, year: r.year, column: r.column })),
      skipped: answer.skipped.map((x) => ({ id: x.project.id, reason: x.reason })),
      assumptions: answer.assumptions.length,
      nodes: model.rows.map((r) => r.project.id),
    });
  } catch (error) {
    shell.fail(error);
  }
}

function name(p: { name: string; nameFa: string }): string {
  return t.lang === 'fa' ? p.nameFa || p.name : p.name;
}

function money(n: number): string {
  return compactUsd(t.lang, n);
}

/** A year without grouping (2027, not 2,027), in Persian digits with lang=fa. */
function year(y: number): string {
  return new Intl.NumberFormat(t.lang === 'fa' ? 'fa-IR' : 'en-US', { useGrouping: false }).format(y);
}

function statusText(a: ScheduleAnswer): string {
  if (a.status === 'TIME_LIMIT') return a.mipGap === null ? s.status_TIME_LIMIT_NOGAP : fill(s.status_TIME_LIMIT, { gap: t.percent(a.mipGap, 1) });
  return a.status === 'OPTIMAL' ? s.status_OPTIMAL : s.status_INFEASIBLE;
}

function legend(): HTMLElement {
  const sw = (colour: string, label: string, extra = '') => h('span', { class: 'item' }, h('span', { class: `swatch ${extra}`, style: `background:${colour}` }), label);
  return h(
    'div',
    { class: 'row' },
    h('strong', {}, s.projectsAxis),
    sw(FUNDED, s.fundedIn),
    sw(SAVING, s.saving, 'faint'),
    h('strong', {}, s.moneyRow),
    sw(colours.edge, s.available, 'faint'),
    sw(colours.text, s.spent),
  );
}

function render(): void {
  chart.replaceChildren();
  if (!model || !answer) return;
  const fa = t.lang === 'fa';
  const n = model.years.length;
  const width = Math.max(560, chart.clientWidth);
  const labelW = Math.min(280, Math.max(150, Math.round(width * 0.26)));
  const left = labelW + 12;
  const right = 16;
  const colW = (width - left - right) / Math.max(1, n);
  const ROW = 22;
  const top = 30;
  const ganttH = Math.max(1, model.rows.length) * ROW;
  const savingTop = top + ganttH + 40;
  const savingH = 120;
  const moneyTop = savingTop + savingH + 44;
  const moneyH = 90;
  const height = moneyTop + moneyH + 30;
  const X = (x: number) => (fa ? width - x : x);
  const rectX = (x0: number, x1: number) => (fa ? width - x1 : x0);
  const colX = (c: number) => left + c * colW;
  const font = { 'font-family': '"Vazirmatn Variable", "DejaVu Sans", sans-serif', 'font-size': 12, fill: colours.text };
  const g = svg('g', font);

  // Year columns: a faint stripe every other year, the year on top, a line between.
  model.years.forEach((y, c) => {
    const x0 = colX(c);
    g.append(
      svg(
        'rect',
        { x: rectX(x0, x0 + colW), y: top - 4, width: colW, height: height - top - 10, fill: c % 2 ? colours.surface : colours.background, 'data-part': 'column', 'data-year': y.year, 'data-column': c },
        svg(
          'title',
          {},
          fill(s.yearTitle, { year: year(y.year), available: money(y.availableUsd), spent: money(y.spentUsd), funded: t.number(model!.fundedPerColumn[c] ?? 0), saving: money(y.savingUsd) }),
        ),
      ),
      svg('text', { x: X(x0 + colW / 2), y: top - 10, 'text-anchor': 'middle', fill: colours.muted, 'font-size': 11, 'data-part': 'year-label', 'data-year': y.year }, year(y.year)),
    );
  });

  // One row per funded project: solid in its funding year, lighter after it to the horizon's end.
  if (model.rows.length === 0) {
    g.append(svg('text', { x: X(left + 8), y: top + ROW / 2 + 4, 'text-anchor': 'start', fill: colours.muted }, s.empty));
  }
  model.rows.forEach((r, i) => {
    const y = top + i * ROW;
    const x0 = colX(r.column);
    const x1 = colX(n);
    const title = fill(s.barTitle, { name: name(r.project), year: year(r.year), cost: money(r.remainingCostUsd), saving: money(r.netSavingUsd), next: year(r.year + 1) });
    const group = svg('g', { 'data-id': r.project.id, 'data-year': r.year, 'data-column': r.column, 'data-part': 'bar' });
    group.append(
      svg('text', { x: X(left - 8), y: y + ROW / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 11.5 }, clip(name(r.project), labelW), svg('title', {}, title)),
      svg('rect', { x: rectX(x0, x1), y: y + 4, width: Math.max(2, x1 - x0), height: ROW - 8, rx: 3, fill: SAVING, opacity: 0.4, 'data-part': 'saving' }, svg('title', {}, title)),
      svg('rect', { x: rectX(x0, x0 + colW), y: y + 4, width: colW, height: ROW - 8, rx: 3, fill: FUNDED, 'data-part': 'funded' }, svg('title', {}, title)),
    );
    if (colW > 64) group.append(svg('text', { x: X(x0 + colW / 2), y: y + ROW / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-size': 10, fill: '#ffffff', 'pointer-events': 'none' }, money(r.remainingCostUsd)));
    g.append(group);
  });

  // The saving a year, year by year.
  const savingMax = model.savingMax > 0 ? model.savingMax : 1;
  g.append(svg('text', { x: X(left - 8), y: savingTop + savingH / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-weight': 600 }, s.savingRow));
  g.append(svg('line', { x1: X(left), x2: X(colX(n)), y1: savingTop + savingH, y2: savingTop + savingH, stroke: colours.edge }));
  const points: string[] = [];
  model.years.forEach((y, c) => {
    const hgt = (y.savingUsd / savingMax) * savingH;
    const x0 = colX(c) + colW * 0.18;
    const w = colW * 0.64;
    const yTop = savingTop + savingH - hgt;
    points.push(`${X(colX(c) + colW / 2)},${yTop}`);
    g.append(
      svg('rect', { x: rectX(x0, x0 + w), y: yTop, width: w, height: Math.max(0, hgt), fill: SAVING, opacity: 0.85, 'data-part': 'saving-bar', 'data-year': y.year, 'data-value': y.savingUsd }, svg('title', {}, `${year(y.year)}: ${money(y.savingUsd)} ${s.savingRow}`)),
    );
    if (y.savingUsd > 0 && colW > 40) g.append(svg('text', { x: X(colX(c) + colW / 2), y: yTop - 5, 'text-anchor': 'middle', 'font-size': 10, fill: colours.muted }, money(y.savingUsd)));
  });
  g.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: SAVING, 'stroke-width': 1.5, 'data-part': 'saving-line' }));

  // Money available against money spent, each year.
  const moneyMax = model.moneyMax > 0 ? model.moneyMax : 1;
  g.append(svg('text', { x: X(left - 8), y: moneyTop + moneyH / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-weight': 600 }, s.moneyRow));
  g.append(svg('line', { x1: X(left), x2: X(colX(n)), y1: moneyTop + moneyH, y2: moneyTop + moneyH, stroke: colours.edge }));
  model.years.forEach((y, c) => {
    const base = moneyTop + moneyH;
    const avail = (y.availableUsd / moneyMax) * moneyH;
    const spent = (y.spentUsd / moneyMax) * moneyH;
    const xa = colX(c) + colW * 0.18;
    const wa = colW * 0.64;
    const xs = colX(c) + colW * 0.32;
    const ws = colW * 0.36;
    const title = `${year(y.year)}: ${money(y.availableUsd)} · ${s.spent} ${money(y.spentUsd)}`;
    g.append(
      svg('rect', { x: rectX(xa, xa + wa), y: base - avail, width: wa, height: avail, fill: colours.edge, opacity: 0.45, 'data-part': 'available', 'data-year': y.year, 'data-value': y.availableUsd }, svg('title', {}, title)),
      svg('rect', { x: rectX(xs, xs + ws), y: base - spent, width: ws, height: spent, fill: colours.text, opacity: 0.85, 'data-part': 'spent', 'data-year': y.year, 'data-value': y.spentUsd }, svg('title', {}, title)),
    );
    if (colW > 40) g.append(svg('text', { x: X(colX(c) + colW / 2), y: base + 14, 'text-anchor': 'middle', 'font-size': 10, fill: colours.muted }, money(y.spentUsd)));
  });

  svgEl = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': document.title }, g);
  chart.append(svgEl);
}

function renderNotes(): void {
  notesBox.replaceChildren();
  if (!answer) return;
  if (answer.skipped.length) {
    notesBox.append(
      h(
        'p',
        { class: 'skipped' },
        h('strong', {}, `${s.skipped}: `),
        ...answer.skipped.map((x, i) => h('span', { class: 'skip', 'data-id': x.project.id, 'data-reason': x.reason }, i > 0 ? ' · ' : '', name(x.project), ` (${s[`reason_${x.reason}`] ?? x.reason})`)),
      ),
    );
  }
  if (answer.assumptions.length) {
    notesBox.append(
      h(
        'details',
        { class: 'assumptions', 'data-part': 'assumptions' },
        h('summary', {}, fill(s.assumptions, { n: t.number(answer.assumptions.length) })),
        h('ul', {}, ...answer.assumptions.map((a) => h('li', { 'data-code': a.code, 'data-node': a.nodeId, dir: 'auto' }, h('code', {}, a.code), ' ', a.message))),
      ),
    );
  }
}

/** Cuts a label to about the width available (11.5 px text: ~6.2 px a character). */
function clip(text: string, width: number): string {
  const max = Math.floor((width - 8) / 6.2);
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

async function save(kind: PictureKind): Promise<void> {
  if (!svgEl) return;
  await saveSvgPicture(svgEl, colours.background, fileName(['schedule', String(startYear), t.lang], kind), kind, Number(svgEl.getAttribute('width')), Number(svgEl.getAttribute('height')));
}
