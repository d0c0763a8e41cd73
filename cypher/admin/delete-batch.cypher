// Deletes up to $limit nodes with their relationships; `zanjir reset` repeats it until nothing is left.
// API keys, the change log and the change feed are not part of the graph: they stay. So does the graph's version
// (it rises with each batch), so no process mistakes the emptied graph for an old one.
// touches: all
MATCH (n)
WHERE NOT n:ZanjirApiKey AND NOT n:ZanjirChange AND NOT n:ZanjirGraphChange AND NOT (n:ZanjirMeta AND n.key = 'graphVersion')
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
