// An organisation and every organisation, mine and plant it holds through OWNS chains of at most
// {{depth}} hops: the nodes a holdings report is worked out on (src/analytics/ownership.ts).
// DISTINCT lets the planner prune the variable-length expansion, so cycles cost nothing extra.
MATCH (root:Organization {id: $id})
CALL (root) {
  MATCH (root)-[:OWNS*0..{{depth}}]->(n:Entity)
  RETURN DISTINCT n
}
RETURN n AS node
