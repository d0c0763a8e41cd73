// Deletes what only this data set brought: the relationships and then the nodes it created that
// no other data set has written since (their _datasets is exactly [name]).
// touches: all
CALL () {
  MATCH (b:ZanjirDatasetBatch {dataset: $name, what: 'edges'})
  UNWIND range(0, size(b.fromIds) - 1) AS i
  MATCH (:Entity {id: b.fromIds[i]})-[r]->(:Entity {id: b.toIds[i]})
  WHERE type(r) = b.type AND coalesce(r.output, '') = b.outputs[i] AND r._datasets = [$name]
  DELETE r
  RETURN count(*) AS edges
}
CALL () {
  MATCH (b:ZanjirDatasetBatch {dataset: $name, what: 'nodes'})
  UNWIND b.created AS id
  MATCH (n:Entity {id: id})
  WHERE n._datasets = [$name]
  DETACH DELETE n
  RETURN count(*) AS nodes
}
RETURN nodes, edges
