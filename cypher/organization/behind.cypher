// The organisations behind a set of nodes: those that operate, own or are them, and every
// organisation that holds those through OWNS chains of at most {{depth}} hops.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)<-[:OPERATES|OWNS]-(o:Organization) RETURN o
  UNION
  MATCH (n)-[:IS]->(o:Organization) RETURN o
  UNION
  MATCH (o:Organization {id: n.id}) RETURN o
}
WITH DISTINCT o
MATCH (o)<-[:OWNS*0..{{depth}}]-(p:Organization)
RETURN DISTINCT p AS node
