// Incoming edges of the given types for a batch of nodes (one DataLoader batch).
UNWIND $ids AS id
MATCH (n:Entity {id: id})<-[r:{{types}}]-(m:Entity)
RETURN id, type(r) AS type, properties(r) AS props, m AS node
ORDER BY id, type, m.name, m.id
