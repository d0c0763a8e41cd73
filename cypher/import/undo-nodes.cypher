// Undoes one node batch of a staged import: deletes the nodes it created, puts back the properties
// of the nodes it changed, and drops the batch's journal, all in one transaction, so a rollback
// that is itself interrupted resumes where it stopped.
// touches: all
MATCH (b:ZanjirImportBatch {importId: $importId, seq: $seq})
CALL (b) {
  UNWIND b.created AS id
  MATCH (n:Entity:{{label}} {id: id})
  DETACH DELETE n
}
CALL () {
  MATCH (u:ZanjirImportUndo {_undoImport: $importId, _undoSeq: $seq})
  MATCH (n:Entity:{{label}} {id: u._undoId})
  SET n = properties(u)
  REMOVE n._undoImport, n._undoSeq, n._undoId
  DELETE u
}
DELETE b
