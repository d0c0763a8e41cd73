// The chain edges a walk walked: out of each node it expanded ($frontier), to a node it kept.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})-[r:{{types}}]->(b:Entity)
WHERE b.id IN $kept
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
