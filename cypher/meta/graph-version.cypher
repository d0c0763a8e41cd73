// The graph's version: a counter every write transaction raises (src/db/executor.ts), so every
// Zanjir process on this database can tell, with this one cheap read, whether its in-memory
// snapshot is still the graph (src/db/snapshot-cache.ts).
OPTIONAL MATCH (v:ZanjirMeta {key: 'graphVersion'})
RETURN coalesce(v.version, 0) AS version
