// One breadth-first step downstream: the chain edges out of the frontier and the nodes they reach.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})-[r:{{types}}]->(b:Entity)
RETURN id AS at, type(r) AS type, properties(r) AS props, b AS node
