// Deletes up to $limit nodes with their relationships; `zanjir reset` repeats it until nothing is left.
// API keys and the change log are not part of the graph: they stay.
MATCH (n)
WHERE NOT n:ZanjirApiKey AND NOT n:ZanjirChange
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
