// Deletes up to $limit nodes with their relationships; `zanjir reset` repeats it until nothing is left.
MATCH (n)
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
