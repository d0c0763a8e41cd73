// Parallel work (DOMAIN.md): two or more ACTIVE or PLANNED projects of different owners that
// localize the same item — the duplication IMIDRO warns against.

import type { ChainGraph } from '../model/graph.js';
import type { NodeRecord } from '../model/records.js';

export interface ParallelWork {
  itemId: string;
  projects: NodeRecord[];
  owners: string[];
}

const LIVE = new Set(['ACTIVE', 'PLANNED']);

export function parallelWork(graph: ChainGraph): ParallelWork[] {
  const byItem = new Map<string, NodeRecord[]>();
  for (const e of graph.edges) {
    if (e.type !== 'LOCALIZES') continue;
    const project = graph.nodes.get(e.from);
    if (!project || project.kind !== 'Project' || !LIVE.has(String(project.status))) continue;
    const list = byItem.get(e.to) ?? [];
    list.push(project);
    byItem.set(e.to, list);
  }
  const found: ParallelWork[] = [];
  for (const [itemId, projects] of byItem) {
    // A project without an owner cannot be told apart from another's work, so it does not count
    // towards "different owners"; it is still listed beside them.
    const owners = [...new Set(projects.map((p) => (typeof p.owner === 'string' ? p.owner.trim() : '')).filter(Boolean))].sort();
    if (projects.length >= 2 && owners.length >= 2) {
      found.push({ itemId, projects: projects.sort((a, b) => a.id.localeCompare(b.id)), owners });
    }
  }
  return found.sort((a, b) => b.owners.length - a.owners.length || a.itemId.localeCompare(b.itemId));
}
