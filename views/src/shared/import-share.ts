// Direct import share, computed in the browser from an item's source edges (DOMAIN.md, "Supply
// sources and shares" and "Import reliance"): m = Σ weights of its foreign source edges.
//
// This is the one place the views decide how imported an item is. The server's
// `importContent(id) { directImportShare totalImportContent }` gives the same m (and the total t
// through every tier) one item per call; swapping to it means replacing directImportShares() below
// with a batched query, nothing else.

import type { ChainEdge, LinkNode, SourceLink } from './chain.js';

/**
 * Weights of an item's source edges, normalised to sum to 1: `share` when every edge has one, else
 * proportional to capacityTpy / volumePerYear when every edge has one, else equal.
 */
export function sourceWeights(edges: readonly ChainEdge[]): number[] {
  if (edges.length === 0) return [];
  const shares = edges.map((e) => e.share);
  if (shares.every((s): s is number => typeof s === 'number')) return normalise(shares);
  const volumes = edges.map((e) => (e.type === 'SUPPLIES' ? e.volumePerYear : e.capacityTpy));
  if (volumes.every((v): v is number => typeof v === 'number')) return normalise(volumes);
  return edges.map(() => 1 / edges.length);
}

function normalise(values: number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  return sum > 0 ? values.map((v) => v / sum) : values.map(() => 1 / values.length);
}

/** Where a source edge's goods come from: the edge's originCountry, else the source node's country. */
export function originOf(edge: Pick<ChainEdge, 'originCountry'>, source: Pick<LinkNode, 'country'> | undefined): string | null {
  return edge.originCountry ?? source?.country ?? null;
}

/** A node without a country is in the home country. */
export function isForeignCountry(country: string | null | undefined, homeCountry: string): boolean {
  return !!country && country.toUpperCase() !== homeCountry.toUpperCase();
}

export function isForeignSource(link: SourceLink, homeCountry: string): boolean {
  return isForeignCountry(originOf(link.edge, link.node), homeCountry);
}

/** m of one item, or null when it has no source edge (an origin or an implicit home assembly). */
export function directImportShare(links: readonly SourceLink[], homeCountry: string): number | null {
  if (links.length === 0) return null;
  const weights = sourceWeights(links.map((l) => l.edge));
  return links.reduce((m, link, i) => m + (isForeignSource(link, homeCountry) ? weights[i]! : 0), 0);
}

/** m for every item given with its `suppliers` links; null for items without source edges. */
export function directImportShares(
  items: readonly { id: string; suppliers?: readonly SourceLink[] | null }[],
  homeCountry: string,
): Map<string, number | null> {
  return new Map(items.map((item) => [item.id, directImportShare(item.suppliers ?? [], homeCountry)]));
}

/** Each source link with its normalised weight and whether it is foreign: for details panels. */
export function weighedSources(links: readonly SourceLink[], homeCountry: string) {
  const weights = sourceWeights(links.map((l) => l.edge));
  return links
    .map((link, i) => ({ link, weight: weights[i]!, country: originOf(link.edge, link.node), foreign: isForeignSource(link, homeCountry) }))
    .sort((a, b) => b.weight - a.weight);
}
