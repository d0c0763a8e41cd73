// Undoes one edge batch of a staged import, as undo-nodes does for nodes.
// touches: all
MATCH (b:ZanjirImportBatch {importId: $importId, seq: $seq})
CALL (b) {
  UNWIND range(0, size(b.fromIds) - 1) AS i
  MATCH (:Entity {id: b.fromIds[i]})-[r:{{type}}]->(:Entity {id: b.toIds[i]})
  WHERE coalesce(r.output, '') = b.outputs[i]
  DELETE r
}
CALL () {
  MATCH (u:ZanjirImportUndo {_undoImport: $importId, _undoSeq: $seq})
  MATCH (:Entity {id: u._undoFrom})-[r:{{type}}]->(:Entity {id: u._undoTo})
  WHERE coalesce(r.output, '') = u._undoOutput
  SET r = properties(u)
  REMOVE r._undoImport, r._undoSeq, r._undoFrom, r._undoTo, r._undoOutput
  DELETE u
}
DELETE b
