// A disruption's losses in the analyst's units: "the Pars loses 2.18 %" also reads "about 2,400
// cars a year". An item's lost units are its loss × its demand from Chain balance (what its
// consumers' capacities need plus its final demand, DOMAIN.md), and their value × unitValueUsd.
// Without a recorded demand there is no volume to lose: null, not 0.

import type { GraphSnapshot } from './graph-snapshot.js';
import { demandOf } from './chain-balance.js';
import type { ItemLoss } from './disruption.js';

export interface LossInUnits extends ItemLoss {
  /** The item's demand a year, from Chain balance; null when none is recorded. */
  demand: number | null;
  /** loss × demand; null without a demand. */
  lostUnits: number | null;
  /** lostUnits × unitValueUsd; null without either. */
  lostValueUsd: number | null;
}

export function lossesInUnits(snap: GraphSnapshot, losses: readonly ItemLoss[]): LossInUnits[] {
  return losses.map((l) => {
    const i = snap.index.get(l.itemId);
    const q = i === undefined ? 0 : demandOf(snap, i);
    const demand = q > 0 ? q : null;
    const lostUnits = demand === null ? null : l.loss * demand;
    const value = i === undefined ? NaN : snap.unitValue[i]!;
    return { ...l, demand, lostUnits, lostValueUsd: lostUnits === null || Number.isNaN(value) ? null : lostUnits * value };
  });
}
