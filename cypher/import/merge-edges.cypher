// Creates or updates one batch of edges of one type. An edge is (from, type, to), and for FEEDS
// also its `output`, so the existing edge is matched on that before creating a new one.
// With $journal (a staged import) the batch records how to undo itself, as merge-nodes does:
// a ZanjirImportUndo copy of every edge it changes and one ZanjirImportBatch listing the edges it creates.
// With $dataset, as merge-nodes does: `_datasets`, and a ZanjirDatasetUndo/Write pair per changed
// edge and a ZanjirDatasetBatch of the edges it creates.
// `written` counts the rows whose two ends were found: fewer than sent means an end was deleted
// after the import's check, and the import refuses (importer.ts).
// touches: pairs $rows[].from $rows[].to
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:{{type}}]->(b)
  WHERE coalesce(old.output, '') = coalesce(row.props.output, '')
WITH a, b, row, old,
     old IS NOT NULL AND any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k]) AS updated
CALL (old, updated, row) {
  WITH old, updated, row WHERE updated AND $journal
  CREATE (u:ZanjirImportUndo)
  SET u = properties(old), u._undoImport = $importId, u._undoSeq = $seq,
      u._undoFrom = row.from, u._undoTo = row.to, u._undoOutput = coalesce(old.output, '')
}
CALL (old, updated, row) {
  WITH old, updated, row WHERE $dataset IS NOT NULL AND updated
  WITH old, row, randomUUID() AS key
  CREATE (u:ZanjirDatasetUndo)
  SET u = properties(old), u._dsName = $dataset, u._dsWhat = 'edge', u._dsType = '{{type}}',
      u._dsFrom = row.from, u._dsTo = row.to, u._dsOutput = coalesce(old.output, ''), u._dsKey = key
  CREATE (w:ZanjirDatasetWrite)
  SET w = row.props, w._dsName = $dataset, w._dsKey = key
}
CALL (a, b, row, old) {
  WITH a, b, row, old WHERE old IS NULL
  CREATE (a)-[e:{{type}}]->(b)
  SET e = row.props, e._datasets = CASE WHEN $dataset IS NULL THEN null ELSE [$dataset] END
  RETURN 1 AS created
  UNION ALL
  WITH row, old WHERE old IS NOT NULL
  SET old += row.props,
      old._datasets = CASE WHEN $dataset IS NULL OR $dataset IN coalesce(old._datasets, []) THEN old._datasets ELSE coalesce(old._datasets, []) + $dataset END
  RETURN 0 AS created
}
WITH collect(CASE WHEN created = 1 THEN row END) AS made,
     count(row) AS written,
     sum(created) AS created,
     sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated
FOREACH (_ IN CASE WHEN $journal THEN [1] ELSE [] END |
  CREATE (:ZanjirImportBatch {importId: $importId, seq: $seq, what: 'edges', type: '{{type}}',
    fromIds: [r IN made | r.from], toIds: [r IN made | r.to], outputs: [r IN made | coalesce(r.props.output, '')]}))
FOREACH (_ IN CASE WHEN $dataset IS NOT NULL AND size(made) > 0 THEN [1] ELSE [] END |
  CREATE (:ZanjirDatasetBatch {dataset: $dataset, what: 'edges', type: '{{type}}',
    fromIds: [r IN made | r.from], toIds: [r IN made | r.to], outputs: [r IN made | coalesce(r.props.output, '')]}))
RETURN created, updated, written
