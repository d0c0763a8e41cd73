// The chain edges a walk walked: into each node it expanded ($frontier), from a node it kept.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})<-[r:{{types}}]-(b:Entity)
WHERE b.id IN $kept
RETURN b.id AS from, type(r) AS type, a.id AS to, properties(r) AS props
