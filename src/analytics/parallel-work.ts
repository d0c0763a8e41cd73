// Parallel work (DOMAIN.md): two or more ACTIVE or PLANNED projects of different owners that
// localize the same item — the duplication IMIDRO warns against. Read from the snapshot's
// projects and LOCALIZES edges.

import { compareIds, TYPE, type GraphSnapshot } from './graph-snapshot.js';

export interface ParallelProject {
  projectId: string;
  owner: string | null;
  status: string | null;
  progress: number | null;
}

export interface ParallelWork {
  itemId: string;
  projects: ParallelProject[];
  owners: string[];
}

const LIVE = new Set(['ACTIVE', 'PLANNED']);

export function parallelWork(snap: GraphSnapshot): ParallelWork[] {
  const byItem = new Map<number, ParallelProject[]>();
  for (const [v, p] of snap.projects) {
    if (!LIVE.has(String(p.status))) continue;
    snap.forOut(v, (e) => {
      if (snap.eType[e] !== TYPE.LOCALIZES) return;
      const item = snap.eTo[e]!;
      const list = byItem.get(item) ?? [];
      list.push({ projectId: snap.ids[v]!, owner: p.owner, status: p.status, progress: p.progress });
      byItem.set(item, list);
    });
  }
  const found: ParallelWork[] = [];
  for (const [item, projects] of byItem) {
    // A project without an owner cannot be told apart from another's work, so it does not count
    // towards "different owners"; it is still listed beside them.
    const owners = [...new Set(projects.map((p) => (p.owner ?? '').trim()).filter(Boolean))].sort();
    if (projects.length >= 2 && owners.length >= 2) {
      found.push({ itemId: snap.ids[item]!, projects: projects.sort((a, b) => compareIds(a.projectId, b.projectId)), owners });
    }
  }
  return found.sort((a, b) => b.owners.length - a.owners.length || compareIds(a.itemId, b.itemId));
}
