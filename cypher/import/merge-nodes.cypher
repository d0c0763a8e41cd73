// Creates or updates one batch of nodes of one kind; counts what really changed (a value, or its
// type: 1000 and 1000.0 differ), so importing the same file twice reports nothing created and
// nothing updated. Properties the row leaves out stay as they are; when that keeps old aliases,
// the derived search fields are cleared and the ids returned as `cleared`, for the importer to
// rebuild from the stored names in the same transaction.
// With $journal (a staged import, see src/io/import-journal.ts) the batch also records how to undo
// itself, in the same transaction: a ZanjirImportUndo copy of every node it changes, taken before
// the change, and one ZanjirImportBatch listing the ids it creates.
// With $dataset (the data set this import is recorded as, src/io/datasets.ts) every node it
// writes gets the name in `_datasets`, and in the same transaction the batch keeps what removing
// the data set needs: a ZanjirDatasetUndo copy of each node it changes (before) with a
// ZanjirDatasetWrite of what it wrote, and a ZanjirDatasetBatch of the ids it creates.
// touches: nodes $rows[].id
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity:{{label}} {id: row.id})
WITH row, old, old IS NULL AS created,
     old IS NOT NULL AND any(k IN keys(row.props)
       WHERE old[k] IS NULL OR old[k] <> row.props[k] OR valueType(old[k]) <> valueType(row.props[k])) AS updated,
     row.props.aliases IS NULL AND old.aliases IS NOT NULL AS keepsAliases
WITH row, old, created, updated, keepsAliases,
     CASE WHEN keepsAliases THEN null ELSE row.searchKey END AS searchKey,
     CASE WHEN keepsAliases THEN null ELSE row.searchText END AS searchText
CALL (old, updated, searchKey, searchText) {
  WITH old, updated, searchKey, searchText
  WHERE $journal AND old IS NOT NULL
    AND (updated OR searchKey IS NULL OR old._searchKey <> searchKey OR old._searchText <> searchText)
  CREATE (u:ZanjirImportUndo)
  SET u = properties(old), u._undoImport = $importId, u._undoSeq = $seq, u._undoId = old.id
}
CALL (old, updated, row) {
  WITH old, updated, row WHERE $dataset IS NOT NULL AND updated
  WITH old, row, randomUUID() AS key
  CREATE (u:ZanjirDatasetUndo)
  SET u = properties(old), u._dsName = $dataset, u._dsWhat = 'node', u._dsId = old.id, u._dsKey = key
  CREATE (w:ZanjirDatasetWrite)
  SET w = row.props, w._dsName = $dataset, w._dsKey = key
}
MERGE (n:Entity:{{label}} {id: row.id})
SET n += row.props, n._searchKey = searchKey, n._searchText = searchText,
    n._datasets = CASE WHEN $dataset IS NULL OR $dataset IN coalesce(n._datasets, []) THEN n._datasets ELSE coalesce(n._datasets, []) + $dataset END
WITH collect(CASE WHEN created THEN row.id END) AS createdIds,
     collect(CASE WHEN keepsAliases THEN row.id END) AS cleared,
     sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
     sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated
FOREACH (_ IN CASE WHEN $journal THEN [1] ELSE [] END |
  CREATE (:ZanjirImportBatch {importId: $importId, seq: $seq, what: 'nodes', label: '{{label}}', created: createdIds}))
FOREACH (_ IN CASE WHEN $dataset IS NOT NULL AND size(createdIds) > 0 THEN [1] ELSE [] END |
  CREATE (:ZanjirDatasetBatch {dataset: $dataset, what: 'nodes', label: '{{label}}', created: createdIds}))
RETURN created, updated, cleared
