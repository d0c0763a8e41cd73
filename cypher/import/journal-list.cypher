// Staged imports that have not finished: still writing (or died writing), or committed with a
// journal left to clean up.
MATCH (i:ZanjirImport)
RETURN i.importId AS importId, i.state AS state, i.startedAt AS startedAt, i.heartbeatAt AS heartbeatAt,
       i.batches AS batches, i.sources AS sources
ORDER BY i.startedAt
