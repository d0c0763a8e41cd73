// Raises the graph's version inside a write transaction, so the new version and the change it
// stands for commit together or not at all. `zanjir reset` keeps this node (admin/delete-batch),
// so a version never comes back after a reset.
MERGE (v:ZanjirMeta {key: 'graphVersion'})
SET v.version = coalesce(v.version, 0) + 1
