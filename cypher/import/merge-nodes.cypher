// Creates or updates one batch of nodes of one kind; counts what really changed (a value, or its
// type: 1000 and 1000.0 differ), so importing the same file twice reports nothing created and
// nothing updated. Properties the row leaves out stay as they are; when that keeps old aliases,
// the derived search fields are cleared and the ids returned as `cleared`, for the importer to
// rebuild from the stored names in the same transaction.
// With $journal (a staged import, see src/io/import-journal.ts) the batch also records how to undo
// itself, in the same transaction: a ZanjirImportUndo copy of every node it changes, taken before
// the change, and one ZanjirImportBatch listing the ids it creates.
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
MERGE (n:Entity:{{label}} {id: row.id})
SET n += row.props, n._searchKey = searchKey, n._searchText = searchText
WITH collect(CASE WHEN created THEN row.id END) AS createdIds,
     collect(CASE WHEN keepsAliases THEN row.id END) AS cleared,
     sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
     sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated
FOREACH (_ IN CASE WHEN $journal THEN [1] ELSE [] END |
  CREATE (:ZanjirImportBatch {importId: $importId, seq: $seq, what: 'nodes', label: '{{label}}', created: createdIds}))
RETURN created, updated, cleared
