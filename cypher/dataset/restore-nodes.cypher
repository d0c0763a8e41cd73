// Puts back what a data set overwrote on nodes it updated but did not create: each property it
// wrote that still holds the value it wrote (same type) gets the value it had before (absent: it
// is removed). A value changed since by someone else stays. Returns the ids touched, whose
// search fields the caller rebuilds.
// touches: all
MATCH (u:ZanjirDatasetUndo {_dsName: $name, _dsWhat: 'node'})
MATCH (w:ZanjirDatasetWrite {_dsKey: u._dsKey})
MATCH (n:Entity {id: u._dsId})
WITH n, u, w, [k IN keys(w) WHERE NOT k STARTS WITH '_ds' AND n[k] = w[k] AND valueType(n[k]) = valueType(w[k])] AS revert
CALL (n, u, revert) {
  UNWIND revert AS k
  SET n[k] = u[k]
}
RETURN collect(DISTINCT n.id) AS ids
