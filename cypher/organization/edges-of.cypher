// The OWNS and OPERATES edges out of a batch of organisations and the IS edges into them, with
// the node at the other end.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (o)-[r:OWNS|OPERATES]->(m:Entity)
  RETURN type(r) AS type, o.id AS from, m.id AS to, properties(r) AS props, m AS other
  UNION ALL
  MATCH (s:Supplier)-[r:IS]->(o)
  RETURN type(r) AS type, s.id AS from, o.id AS to, properties(r) AS props, s AS other
}
RETURN type, from, to, props, other
