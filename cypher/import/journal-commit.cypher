// The commit point of a staged import: from here on it stands, and only its journal is cleaned up.
// Its slot is freed for the next import. Refused (no row) if it was taken over meanwhile.
// touches: none
MATCH (i:ZanjirImport {importId: $importId})
SET i.heartbeatAt = datetime()
WITH i
WHERE i.owner = $owner AND i.state = 'writing'
SET i.state = 'committed', i.committedAt = datetime()
REMOVE i.slot
RETURN i.importId AS importId
