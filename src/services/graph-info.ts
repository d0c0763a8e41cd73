import type { ServiceDeps } from './deps.js';

export async function graphInfo(ctx: ServiceDeps) {
  const [counts, homeCountry] = await Promise.all([ctx.store.counts(), ctx.homeCountry()]);
  const list = (m: Record<string, number>) => Object.entries(m).map(([name, count]) => ({ name, count }));
  return {
    homeCountry,
    nodeCounts: list(counts.nodes),
    edgeCounts: list(counts.edges),
    maxDepth: ctx.limits.maxDepth,
    maxNodes: ctx.limits.maxNodes,
  };
}
