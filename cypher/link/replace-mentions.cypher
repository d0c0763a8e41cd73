// Replaces the MENTIONS edges of the given sources with the ones found now.
// touches: none
UNWIND $sources AS source
MATCH (s:Source {id: source.id})
OPTIONAL MATCH (s)-[old:MENTIONS]->()
DELETE old
WITH DISTINCT s, source
UNWIND source.mentions AS m
MATCH (n:Entity {id: m.nodeId})
MERGE (s)-[r:MENTIONS]->(n)
RETURN count(r) AS created
