// Every named query in cypher/, with the placeholders it may use. The registry checks files and
// this list against each other at start-up.

export type Placeholder = 'label' | 'types' | 'type' | 'depth' | 'order' | 'orderField' | 'cmp';

export const QUERIES = {
  'admin/delete-batch': [],
  'admin/missing-search-keys': [],
  'admin/set-search-keys': [],
  'admin/search-names': [],
  'export/subgraph-ids': ['types', 'depth'],
  'export/nodes-of-kind': ['label'],
  'export/edges-of-type': ['type'],
  'link/sources': [],
  'link/names': [],
  'link/replace-mentions': [],
  'meta/get': [],
  'meta/set-home-country': [],
  'meta/counts': [],
  'import/lookup-kinds': [],
  'import/merge-nodes': ['label'],
  'import/merge-edges': ['type'],
  'import/journal-begin': [],
  'import/journal-heartbeat': [],
  'import/journal-commit': [],
  'import/journal-claim': [],
  'import/lock-single': [],
  'import/journal-list': [],
  'import/journal-batches': [],
  'import/journal-delete-entries': [],
  'import/journal-end': [],
  'import/undo-nodes': ['label'],
  'import/undo-edges': ['type'],
  'import/undo-meta': [],
  'node/by-ids': [],
  'node/links-out': ['types'],
  'node/links-in': ['types'],
  'node/page': ['label', 'orderField', 'order', 'cmp'],
  'node/count': ['label'],
  'search/fulltext': [],
  'search/contains': [],
  'walk/upstream-step': ['types'],
  'walk/downstream-step': ['types'],
  'walk/fetch-upstream': ['types', 'depth'],
  'walk/fetch-all-nodes': [],
  'walk/fetch-all-edges': ['types'],
} as const satisfies Record<string, readonly Placeholder[]>;

export type QueryName = keyof typeof QUERIES;
