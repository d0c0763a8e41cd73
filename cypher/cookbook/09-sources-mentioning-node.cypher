// Sources that mention a node
// Answers: which articles and reports name this node (entity linking), and which cite it?
// params: {"id": "mine:sungun"}
// Returns: source, publisher, and whether it mentions, cites, or both.
MATCH (n:Entity {id: $id})
MATCH (s:Source)
WHERE (s)-[:MENTIONS]->(n) OR (n)-[:CITES]->(s)
RETURN s.id AS source, s.title AS title, s.publisher AS publisher,
       exists { (s)-[:MENTIONS]->(n) } AS mentions, exists { (n)-[:CITES]->(s) } AS cited
ORDER BY source
