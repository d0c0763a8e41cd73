// Removes one edge by its key.
// touches: pairs $from $to
MATCH (a:Entity {id: $from})-[r:{{type}}]->(b:Entity {id: $to})
WHERE coalesce(r.output, '') = $output
DELETE r
RETURN count(*) AS deleted
