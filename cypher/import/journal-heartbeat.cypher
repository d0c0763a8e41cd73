// Written with every batch, and every step of a rollback: its owner is alive, and how far it got.
// The head is locked (SET) before its state is read, so a batch can never commit after another
// process has taken the import over; then no row comes back and the batch is abandoned.
// touches: none
MATCH (i:ZanjirImport {importId: $importId})
SET i.heartbeatAt = datetime()
WITH i
WHERE i.owner = $owner AND i.state = $state
SET i.batches = coalesce($seq, i.batches)
RETURN i.importId AS importId
