import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { parallelWork } from './parallel-work.js';
import { e, n, on } from './test-graphs.js';

describe('parallel work', () => {
  const g = chainGraph(
    [
      n('electrode', 'Part'),
      n('ecu', 'Part'),
      n('roll', 'Part'),
      n('project:a', 'Project', { owner: 'IMIDRO', status: 'ACTIVE', progress: 0.5 }),
      n('project:b', 'Project', { owner: 'Mobarakeh Steel', status: 'PLANNED' }),
      n('project:c', 'Project', { owner: 'IMIDRO', status: 'ACTIVE' }),
      n('project:d', 'Project', { owner: 'SAPCO', status: 'DONE' }),
      n('project:e', 'Project', { owner: 'Crouse', status: 'ACTIVE' }),
      n('project:f', 'Project', { owner: 'IMIDRO', status: 'STALLED' }),
    ],
    [
      e('LOCALIZES', 'project:a', 'electrode'),
      e('LOCALIZES', 'project:b', 'electrode'),
      e('LOCALIZES', 'project:c', 'electrode'),
      // ecu: one DONE project and one ACTIVE: not parallel (only live projects count).
      e('LOCALIZES', 'project:d', 'ecu'),
      e('LOCALIZES', 'project:e', 'ecu'),
      // roll: two projects, but both IMIDRO's, and one stalled.
      e('LOCALIZES', 'project:a', 'roll'),
      e('LOCALIZES', 'project:f', 'roll'),
    ],
  );

  it('finds items localized by live projects of different owners', () => {
    const found = parallelWork(on(g));
    expect(found.map((p) => p.itemId)).toEqual(['electrode']);
    expect(found[0]!.owners).toEqual(['IMIDRO', 'Mobarakeh Steel']);
    expect(found[0]!.projects.map((p) => p.projectId)).toEqual(['project:a', 'project:b', 'project:c']);
  });
});
