import type { Context } from '../../context.js';

export async function graphInfo(ctx: Context) {
  const [counts, homeCountry] = await Promise.all([ctx.store.counts(), ctx.homeCountry()]);
  const list = (m: Record<string, number>) => Object.entries(m).map(([name, count]) => ({ name, count }));
  return {
    homeCountry,
    nodeCounts: list(counts.nodes),
    edgeCounts: list(counts.edges),
    maxDepth: ctx.config.limits.maxDepth,
    maxNodes: ctx.config.limits.maxNodes,
  };
}
