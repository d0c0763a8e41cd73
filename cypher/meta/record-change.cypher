// touches: none
// The change feed (src/db/executor.ts): inside the write transaction that made the change, raise
// the graph's version and record what the change touched under it, so both commit together or
// not at all. The version node is locked until commit, so versions commit in order and every
// process can catch up with meta/changes-since. Entries older than $keep versions are dropped
// (a process that far behind rebuilds in full). `zanjir reset` keeps the version node
// (admin/delete-batch), so a version never comes back after a reset.
MERGE (v:ZanjirMeta {key: 'graphVersion'})
SET v.version = coalesce(v.version, 0) + 1
CREATE (c:ZanjirGraphChange {version: v.version, nodes: $nodes, froms: $froms, tos: $tos, full: $full, at: datetime()})
WITH v
OPTIONAL MATCH (old:ZanjirGraphChange) WHERE old.version <= v.version - $keep
DELETE old
RETURN DISTINCT v.version AS version
