// The ids within {{depth}} chain hops of a root, in one direction (ids only: small even for a big subgraph).
MATCH (root:Entity {id: $id})
CALL (root) {
  MATCH (root)<-[:{{types}}*0..{{depth}}]-(n:Entity)
  WHERE $downstream = false
  RETURN n
  UNION
  MATCH (root)-[:{{types}}*0..{{depth}}]->(n:Entity)
  WHERE $downstream = true
  RETURN n
}
RETURN DISTINCT n.id AS id
