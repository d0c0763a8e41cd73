// Deletes a data set's bookkeeping (undo images, what it wrote, what it created) and its record.
// touches: none
CALL () {
  MATCH (x:ZanjirDatasetUndo {_dsName: $name}) DETACH DELETE x
}
CALL () {
  MATCH (x:ZanjirDatasetWrite {_dsName: $name}) DETACH DELETE x
}
CALL () {
  MATCH (x:ZanjirDatasetBatch {dataset: $name}) DETACH DELETE x
}
OPTIONAL MATCH (d:ZanjirDataset {name: $name})
DETACH DELETE d
RETURN 1 AS done
