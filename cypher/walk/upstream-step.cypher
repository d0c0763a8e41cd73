// One breadth-first step upstream: the chain edges into the frontier and the nodes they come from.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})<-[r:{{types}}]-(b:Entity)
RETURN id AS at, type(r) AS type, properties(r) AS props, b AS node
