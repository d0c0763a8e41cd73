// Takes a data set's name off every node and relationship it wrote (the property goes when the
// list is empty, as on a record no data set wrote).
// touches: none
CALL () {
  MATCH (n:Entity) WHERE $name IN n._datasets
  WITH n, [x IN n._datasets WHERE x <> $name] AS rest
  SET n._datasets = CASE WHEN size(rest) = 0 THEN null ELSE rest END
  RETURN count(*) AS nodes
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity) WHERE $name IN r._datasets
  WITH r, [x IN r._datasets WHERE x <> $name] AS rest
  SET r._datasets = CASE WHEN size(rest) = 0 THEN null ELSE rest END
  RETURN count(*) AS edges
}
RETURN nodes, edges
