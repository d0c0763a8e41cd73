// The details panel: what a click on a node opens. Kind, both names, the fields that matter for
// its kind, and for an item its sources with their countries and weights.

import { importColour, UNMODELLED } from '../shared/colours.js';
import { h } from '../shared/dom.js';
import type { I18n } from '../shared/i18n.js';
import { shapeIcon } from './legend.js';
import type { ModelNode } from './graph-model.js';

export interface DetailsActions {
  expand(id: string): void;
  recentre(id: string): void;
  select(id: string): void;
  close(): void;
  flowsHref(id: string): string | null;
  isExpanded(id: string): boolean;
  inGraph(id: string): boolean;
}

export function renderDetails(node: ModelNode, t: I18n, homeCountry: string, actions: DetailsActions): HTMLElement[] {
  const d = node.details;
  const primary = t.lang === 'fa' ? node.nameFa || node.name : node.name;
  const secondary = t.lang === 'fa' ? node.name : node.nameFa;
  const rows: [string, string | null | undefined][] = [];
  const num = (n: number | null | undefined, unit = '') => (typeof n === 'number' ? `${t.number(n)}${unit ? ` ${unit}` : ''}` : null);
  switch (node.kind) {
    case 'MINE':
      rows.push([t.s.commodity, d.commodity], [t.s.country, d.country ?? homeCountry], [t.s.province, d.province], [t.s.capacity, num(d.capacityTpy, `${t.unit('t')}${t.s.perYear}`)], [t.s.status, d.status]);
      break;
    case 'PLANT':
      rows.push([t.s.operator, d.operator], [t.s.country, d.country ?? homeCountry], [t.s.province, d.province], [t.s.status, d.status]);
      break;
    case 'SUPPLIER':
      rows.push([t.s.country, d.country ?? homeCountry], [t.s.province, d.province], [t.s.knowledgeBased, d.knowledgeBased === true ? t.s.yes : d.knowledgeBased === false ? t.s.no : null]);
      break;
    case 'PROJECT':
      rows.push([t.s.owner, d.owner], [t.s.progress, typeof d.progress === 'number' ? t.percent(d.progress) : null], [t.s.status, d.projectStatus]);
      break;
    case 'PRODUCT':
    case 'PART':
      rows.push(
        [t.s.stage, t.stage(d.stage)],
        [t.s.unit, t.unit(d.unit)],
        [t.s.unitValue, typeof d.unitValueUsd === 'number' ? t.usd(d.unitValueUsd) : null],
        [t.s.hsCode, d.hsCode],
        [t.s.finalDemand, num(d.finalDemand, d.unit ? `${t.unit(d.unit)}${t.s.perYear}` : '')],
      );
      break;
  }
  if (d.group) rows.push([t.s.group, typeof d.memberCount === 'number' ? `${t.number(d.memberCount)} ${t.s.groupMembers}` : t.s.yes]);
  const fields = h(
    'dl',
    { class: 'fields' },
    h('dt', {}, t.s.kind),
    h('dd', {}, t.kind(node.kind)),
    h('dt', {}, t.s.id),
    h('dd', { class: 'mono', dir: 'ltr' }, node.id),
    ...rows.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', { dir: 'auto' }, v!)]),
  );

  const parts: HTMLElement[] = [
    h(
      'div',
      { class: 'details-head' },
      h('span', { class: 'kind-icon' }, shapeIcon(node.kind, node.importShare === null ? UNMODELLED : importColour(node.importShare))),
      h('div', { class: 'names' }, h('h2', { dir: 'auto' }, primary), secondary ? h('p', { class: 'secondary', dir: 'auto', lang: t.lang === 'fa' ? 'en' : 'fa' }, secondary) : null),
      h('button', { class: 'btn close', type: 'button', title: t.s.close, 'aria-label': t.s.close, onclick: () => actions.close() }, '×'),
    ),
    fields,
  ];

  if (node.kind === 'PRODUCT' || node.kind === 'PART') {
    const links = d.suppliers ?? [];
    const share = node.importShare;
    parts.push(
      h(
        'div',
        { class: 'share' },
        h('span', {}, t.s.directImportShare),
        h('strong', { style: `color:${share === null ? UNMODELLED : importColour(share)}` }, share === null ? '—' : t.percent(share)),
      ),
    );
    const list = [...links].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
    parts.push(
      h('h3', {}, t.s.suppliers),
      list.length === 0
        ? h('p', { class: 'muted' }, t.s.noSuppliers)
        : h(
            'ul',
            { class: 'suppliers' },
            ...list.map((link) =>
              h(
                'li',
                { class: link.foreign ? 'foreign' : 'home', 'data-id': link.node.id },
                h('span', { class: 'kind-icon' }, shapeIcon(link.node.kind, link.foreign ? importColour(1) : importColour(0))),
                actions.inGraph(link.node.id)
                  ? h('a', { href: '#', dir: 'auto', onclick: (e: Event) => (e.preventDefault(), actions.select(link.node.id)) }, t.lang === 'fa' ? link.node.nameFa || link.node.name : link.node.name)
                  : h('span', { dir: 'auto' }, t.lang === 'fa' ? link.node.nameFa || link.node.name : link.node.name),
                h('span', { class: `country ${link.foreign ? 'foreign' : 'home'}`, title: link.foreign ? t.s.foreign : t.s.home }, link.origin ?? homeCountry),
                h('span', { class: 'weight' }, link.weight === null ? '—' : t.percent(link.weight)),
              ),
            ),
          ),
    );
  }

  const flows = actions.flowsHref(node.id);
  parts.push(
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { class: 'btn primary', type: 'button', 'data-action': 'expand', disabled: actions.isExpanded(node.id), onclick: () => actions.expand(node.id) },
        actions.isExpanded(node.id) ? t.s.expanded : t.s.expand,
      ),
      h('button', { class: 'btn', type: 'button', 'data-action': 'recentre', onclick: () => actions.recentre(node.id) }, t.s.recentre),
      flows ? h('a', { class: 'btn', href: flows, 'data-action': 'flows' }, t.s.flowsLink) : null,
    ),
  );
  return parts;
}
