// A committed import whose journal is cleaned up: it is finished.
// touches: none
MATCH (i:ZanjirImport {importId: $importId, state: 'committed'})
DELETE i
