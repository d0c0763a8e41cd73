// A one-transaction import takes the import lock for its whole transaction (a staged import
// cannot open meanwhile), then makes sure no staged import is unfinished.
// touches: none
MERGE (l:ZanjirImportLock {key: 'import'})
SET l.touchedAt = datetime()
WITH l
OPTIONAL MATCH (i:ZanjirImport {slot: 'open'})
RETURN i.importId AS openImport, toString(i.startedAt) AS startedAt, i.batches AS batches
