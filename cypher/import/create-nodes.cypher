// Creates one batch of nodes of one kind that the import's check proved new (no node in the
// database has their ids): CREATE, no lookup. With $journal (a staged import) one
// ZanjirImportBatch lists the ids, so a rollback deletes them (cypher/import/undo-nodes.cypher).
// With $dataset (src/io/datasets.ts) each node carries the name in `_datasets`, and one
// ZanjirDatasetBatch lists the ids, as merge-nodes does for the nodes it creates.
// touches: nodes $rows[].id
UNWIND $rows AS row
CREATE (n:Entity:{{label}})
SET n = row.props, n.id = row.id, n._searchKey = row.searchKey, n._searchText = row.searchText,
    n._datasets = CASE WHEN $dataset IS NULL THEN null ELSE [$dataset] END
WITH count(n) AS created
FOREACH (_ IN CASE WHEN $journal THEN [1] ELSE [] END |
  CREATE (:ZanjirImportBatch {importId: $importId, seq: $seq, what: 'nodes', label: '{{label}}', created: [r IN $rows | r.id]}))
FOREACH (_ IN CASE WHEN $dataset IS NOT NULL AND created > 0 THEN [1] ELSE [] END |
  CREATE (:ZanjirDatasetBatch {dataset: $dataset, what: 'nodes', label: '{{label}}', created: [r IN $rows | r.id]}))
RETURN created, 0 AS updated, [] AS cleared
