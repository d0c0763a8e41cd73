// What changed after version $since, oldest first, at most $limit entries: the change feed a
// process reads to bring its engine up to date (src/engine/snapshot-cache.ts).
MATCH (c:ZanjirGraphChange)
WHERE c.version > $since
WITH c ORDER BY c.version LIMIT toInteger($limit)
RETURN c.version AS version, c.nodes AS nodes, c.froms AS froms, c.tos AS tos, c.full AS full
