// Creates one batch of edges of one type that the import's check proved new: each has an end
// created by this same import, so no such edge can exist yet. No journal entry is needed: a
// rollback deletes that end with DETACH DELETE, and the edge with it. With $dataset, as
// merge-edges does: `_datasets`, and a ZanjirDatasetBatch of the edges it creates.
// touches: pairs $rows[].from $rows[].to
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[e:{{type}}]->(b)
SET e = row.props, e._datasets = CASE WHEN $dataset IS NULL THEN null ELSE [$dataset] END
WITH count(e) AS created
FOREACH (_ IN CASE WHEN $dataset IS NOT NULL AND created > 0 THEN [1] ELSE [] END |
  CREATE (:ZanjirDatasetBatch {dataset: $dataset, what: 'edges', type: '{{type}}',
    fromIds: [r IN $rows | r.from], toIds: [r IN $rows | r.to], outputs: [r IN $rows | coalesce(r.props.output, '')]}))
RETURN created, 0 AS updated, created AS written
