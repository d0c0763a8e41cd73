import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { chokepoints, disruption, setChokepoints } from './disruption.js';
import { sanctionedSources } from './sanctions.js';
import type { OwnershipGraph } from './ownership.js';
import { e, n, on } from './test-graphs.js';

const close = (x: number) => expect.closeTo(x, 12);

// widget: 0.7 from a home plant (recipe p1 and p2), 0.3 from a German supplier.
// p1: supplier:cn1 0.5 (listed itself, EU), supplier:cn2 0.3 (is org:x), supplier:tr 0.2.
// p2: plant:p2 0.6 (operated by org:y), plant:p2b 0.4 (org:mid holds half of it).
// org:parent is listed (US-OFAC); it holds 60 % of org:mid, 30 % of org:x and 40 % of org:y;
// org:mid holds 25 % of org:x. So org:mid is blocked (60 %), org:x too (30 + 25 = 55 %, the
// blocked owners' shares added), org:y is not (40 %).
const chain = chainGraph(
  [
    n('widget', 'Product', { stage: 'FINISHED' }),
    n('p1', 'Part'),
    n('p2', 'Part'),
    n('plant:w', 'Plant'),
    n('plant:p2', 'Plant'),
    n('plant:p2b', 'Plant', { group: true, memberCount: 12 }),
    n('supplier:de', 'Supplier', { country: 'DE' }),
    n('supplier:cn1', 'Supplier', { country: 'CN', sanctionRegimes: ['EU'], sanctionListedAt: ['2021-01-05'], sanctionSources: [''] }),
    n('supplier:cn2', 'Supplier', { country: 'CN' }),
    n('supplier:tr', 'Supplier', { country: 'TR' }),
  ],
  [
    e('PRODUCES', 'plant:w', 'widget', { share: 0.7 }),
    e('SUPPLIES', 'supplier:de', 'widget', { share: 0.3 }),
    e('FEEDS', 'p1', 'plant:w', { quantityPerUnit: 1 }),
    e('FEEDS', 'p2', 'plant:w', { quantityPerUnit: 1 }),
    e('SUPPLIES', 'supplier:cn1', 'p1', { share: 0.5 }),
    e('SUPPLIES', 'supplier:cn2', 'p1', { share: 0.3 }),
    e('SUPPLIES', 'supplier:tr', 'p1', { share: 0.2 }),
    e('PRODUCES', 'plant:p2', 'p2', { share: 0.6 }),
    e('PRODUCES', 'plant:p2b', 'p2', { share: 0.4 }),
  ],
);
const orgs = [n('org:parent', 'Organization', { sanctionRegimes: ['US-OFAC'], sanctionListedAt: [''], sanctionSources: [''] }), n('org:mid', 'Organization'), n('org:x', 'Organization'), n('org:y', 'Organization')];
const ownership: OwnershipGraph = {
  nodes: new Map([...orgs, ...chain.nodes.values()].map((x) => [x.id, x])),
  edges: [
    e('OWNS', 'org:parent', 'org:mid', { share: 0.6 }),
    e('OWNS', 'org:parent', 'org:x', { share: 0.3 }),
    e('OWNS', 'org:parent', 'org:y', { share: 0.4 }),
    e('OWNS', 'org:mid', 'org:x', { share: 0.25 }),
    e('OWNS', 'org:mid', 'plant:p2b', { share: 0.5 }),
    e('IS', 'supplier:cn2', 'org:x'),
    e('OPERATES', 'org:y', 'plant:p2'),
  ],
};

describe('the sanctioned scenario', () => {
  it('blocks organisations by the 50 % rule and removes the sources behind them', () => {
    const s = sanctionedSources(chain.nodes.values(), ownership);
    expect(Object.fromEntries(s.blocked)).toEqual({ 'org:parent': 'listed', 'org:mid': expect.stringMatching(/50 %/), 'org:x': expect.stringMatching(/50 %/) });
    expect(s.nodeIds).toEqual(['plant:p2b', 'supplier:cn1', 'supplier:cn2']);
    expect(Object.fromEntries(s.reasons)).toEqual({ 'supplier:cn1': 'listed', 'supplier:cn2': 'org:x', 'plant:p2b': 'org:mid' });
  });

  it('losses worked by hand: p1 0.8, p2 0.4, widget 0.7 × max(0.8, 0.4) = 0.56', () => {
    const s = sanctionedSources(chain.nodes.values(), ownership);
    const r = disruption(on(chain), { nodeIds: s.nodeIds });
    expect(r.losses).toEqual([
      { itemId: 'p1', loss: close(0.8) },
      { itemId: 'widget', loss: close(0.56) },
      { itemId: 'p2', loss: close(0.4) },
    ]);
    expect(r.finishedGoodsHit).toEqual([{ itemId: 'widget', loss: close(0.56) }]);
    // The scenario says that one removed source stands for many firms.
    expect(r.removedSources).toEqual(['plant:p2b', 'supplier:cn1', 'supplier:cn2']);
    expect(r.removedGroups).toEqual(['plant:p2b']);
  });

  it('only the listed regimes: EU removes cn1 alone (p1 0.5, widget 0.35)', () => {
    const s = sanctionedSources(chain.nodes.values(), ownership, ['eu']);
    expect(s.nodeIds).toEqual(['supplier:cn1']);
    const losses = Object.fromEntries(disruption(on(chain), { nodeIds: s.nodeIds }).losses.map((l) => [l.itemId, l.loss]));
    expect(losses).toEqual({ p1: close(0.5), widget: close(0.35) });
  });
});

describe('chokepoints of groups and of sets', () => {
  it('a removal set (an organisation’s reach) is scored as one', () => {
    // org:mid's reach: plant:p2b (held 50 %: not a majority, so not its reach) → use explicit sets.
    const found = setChokepoints(on(chain), 'widget', [
      { key: 'org:x', nodeIds: ['supplier:cn2'] },
      { key: 'both-chinese', nodeIds: ['supplier:cn1', 'supplier:cn2'] },
    ], 0.5);
    // cn1 + cn2: p1 loses 0.8, widget 0.7 × 0.8 = 0.56; cn2 alone: 0.7 × 0.3 = 0.21 (< 0.5).
    expect(found).toEqual([{ nodeId: 'both-chinese', impact: close(0.56) }]);
  });

  it('single-node chokepoints still work beside group nodes', () => {
    // plant:w alone costs 0.7; plant:p2b (a group) costs 0.7 × 0.4 = 0.28.
    const found = Object.fromEntries(chokepoints(on(chain), 'widget', 0.25).map((c) => [c.nodeId, c.impact]));
    expect(found['plant:w']).toEqual(close(0.7));
    expect(found['plant:p2b']).toEqual(close(0.28));
  });
});
