// How old the figures behind an answer are (docs/domain.md, Dates): the oldest `asOf` among the
// records an answer was worked out on that carry a figure, and how many such records have no
// date at all. An analyst defending a number says "as of 2018" with this.

import type { ChainGraph } from '../model/graph.js';
import { FIGURE_PROPERTIES, holdsFigure, type EdgeRecord, type NodeRecord } from '../model/records.js';

export interface FigureDates {
  /** The oldest asOf (2014, 2018-03, 2019-03-20) among records with figures; null when none is dated. */
  oldestAsOf: string | null;
  /** The newest one. */
  newestAsOf: string | null;
  /** Records with figures and a date. */
  dated: number;
  /** Records with figures and no date. */
  undated: number;
}

/** Whether a record holds one of the figures its kind or type dates. */
export function hasFigures(record: NodeRecord | EdgeRecord): boolean {
  const key = (record as NodeRecord).kind ?? (record as EdgeRecord).type;
  return holdsFigure((FIGURE_PROPERTIES[key] ?? []).map((p) => record[p]));
}

/** Counts the dates of records that hold figures, one `see` per record. */
export function collectFigureDates() {
  const out: FigureDates = { oldestAsOf: null, newestAsOf: null, dated: 0, undated: 0 };
  return {
    see(asOf: string | null): void {
      if (asOf === null) {
        out.undated += 1;
        return;
      }
      out.dated += 1;
      if (out.oldestAsOf === null || asOf < out.oldestAsOf) out.oldestAsOf = asOf;
      if (out.newestAsOf === null || asOf > out.newestAsOf) out.newestAsOf = asOf;
    },
    result: (): FigureDates => ({ ...out }),
  };
}

/** Dates of the figures in a graph, or in the part of it `ids` names (nodes, and edges between them). */
export function figureDates(graph: ChainGraph, ids?: ReadonlySet<string>): FigureDates {
  const collect = collectFigureDates();
  const see = (record: NodeRecord | EdgeRecord) => {
    if (hasFigures(record)) collect.see(typeof record.asOf === 'string' ? record.asOf : null);
  };
  for (const node of graph.nodes.values()) if (!ids || ids.has(node.id)) see(node);
  for (const edge of graph.edges) if (!ids || (ids.has(edge.from) && ids.has(edge.to))) see(edge);
  return collect.result();
}

/** The year before which a figure counts as stale: asOf < cutoff (compared as text, "2019-03" < "2023"). */
export function staleCutoff(olderThanYears: number, today: Date = new Date()): string {
  return String(today.getUTCFullYear() - olderThanYears);
}
