// As restore-nodes, for the relationships a data set updated but did not create.
// touches: all
MATCH (u:ZanjirDatasetUndo {_dsName: $name, _dsWhat: 'edge'})
MATCH (w:ZanjirDatasetWrite {_dsKey: u._dsKey})
MATCH (:Entity {id: u._dsFrom})-[r]->(:Entity {id: u._dsTo})
WHERE type(r) = u._dsType AND coalesce(r.output, '') = u._dsOutput
WITH r, u, w, [k IN keys(w) WHERE NOT k STARTS WITH '_ds' AND r[k] = w[k] AND valueType(r[k]) = valueType(w[k])] AS revert
CALL (r, u, revert) {
  UNWIND revert AS k
  SET r[k] = u[k]
}
RETURN count(DISTINCT r) AS edges
