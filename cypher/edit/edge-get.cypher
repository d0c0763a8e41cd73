// One edge by its key: (from, type, to) and, for FEEDS, its output.
MATCH (a:Entity {id: $from})-[r:{{type}}]->(b:Entity {id: $to})
WHERE coalesce(r.output, '') = $output
RETURN properties(r) AS props
