// Staged imports that have not finished: being written, being rolled back (or died doing either),
// or committed with a journal left to clean up. Silence is measured by the database's clock.
MATCH (i:ZanjirImport)
RETURN i.importId AS importId, i.state AS state, toString(i.startedAt) AS startedAt,
       duration.inSeconds(i.heartbeatAt, datetime()).seconds AS silentSeconds,
       i.batches AS batches, i.sources AS sources
ORDER BY i.startedAt
