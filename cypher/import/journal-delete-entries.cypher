// Cleans up after a committed import, $limit journal nodes at a time (a million-record import
// leaves up to one undo node per changed record).
// touches: none
CALL () {
  MATCH (b:ZanjirImportBatch {importId: $importId}) RETURN b AS entry
  UNION ALL
  MATCH (u:ZanjirImportUndo {_undoImport: $importId}) RETURN u AS entry
}
WITH entry LIMIT toInteger($limit)
DELETE entry
RETURN count(*) AS deleted
