// Most mentioned nodes
// Answers: which chain nodes do the articles talk about most?
// params: {}
// Returns: node, kind, and the number of sources that mention it.
MATCH (s:Source)-[:MENTIONS]->(n:Entity)
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, count(s) AS sources
ORDER BY sources DESC, name
LIMIT 20
