// Everything upstream of several nodes (themselves included) with the chain edges into each of
// those nodes, in one round trip: the subgraph a plan's items (or a list of cars) are solved on.
// A node upstream of two roots comes back once.
MATCH (root:Entity)
WHERE root.id IN $ids
CALL (root) {
  MATCH (root)<-[:{{types}}*0..{{depth}}]-(n:Entity)
  RETURN DISTINCT n
}
WITH DISTINCT n
OPTIONAL MATCH (n)<-[r:{{types}}]-(b:Entity)
RETURN n AS node,
       collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), from: b.id, props: properties(r)} END) AS incoming
