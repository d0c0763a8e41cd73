// Whether the database holds any node of the graph: a staged import into an empty one is a first
// bulk load, which may build the secondary indexes after the data (src/db/schema.ts).
OPTIONAL MATCH (n:Entity)
WITH n LIMIT 1
RETURN n IS NOT NULL AS any
