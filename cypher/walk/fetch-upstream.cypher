// Everything upstream of one node, with the chain edges into each of those nodes, in one round
// trip: the subgraph the import-reliance metrics are solved on. DISTINCT lets the planner prune
// the variable-length expansion instead of enumerating paths.
MATCH (root:Entity {id: $id})
CALL (root) {
  MATCH (root)<-[:{{types}}*0..{{depth}}]-(n:Entity)
  RETURN DISTINCT n
}
OPTIONAL MATCH (n)<-[r:{{types}}]-(b:Entity)
RETURN n AS node,
       collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), from: b.id, props: properties(r)} END) AS incoming
