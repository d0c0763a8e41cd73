// Deletes up to $limit nodes with their relationships; `zanjir reset` repeats it until nothing is left.
// The graph's version stays (and rises with each batch), so no process mistakes the emptied graph for an old one.
MATCH (n)
WHERE NOT (n:ZanjirMeta AND n.key = 'graphVersion')
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
