// The ids one chain hop from a frontier, in one direction: an export's walk goes tier by tier, so it
// knows each node's depth, stops at the node cap, and ends on cycles without enumerating paths.
// A frontier node without neighbours gives one null row, so no row at all means no such root.
UNWIND $frontier AS fid
MATCH (a:Entity {id: fid})
OPTIONAL CALL (a) {
  MATCH (a)<-[:{{types}}]-(n:Entity)
  WHERE $downstream = false
  RETURN n
  UNION
  MATCH (a)-[:{{types}}]->(n:Entity)
  WHERE $downstream = true
  RETURN n
}
RETURN DISTINCT n.id AS id
