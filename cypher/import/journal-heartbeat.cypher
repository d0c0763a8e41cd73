// Written with every batch: how far a staged import got, and that its writer is alive.
MATCH (i:ZanjirImport {importId: $importId})
SET i.heartbeatAt = $now, i.batches = $seq
