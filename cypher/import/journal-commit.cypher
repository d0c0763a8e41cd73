// The commit point of a staged import: from here on it stands, and only its journal is cleaned up.
MATCH (i:ZanjirImport {importId: $importId, state: 'writing'})
SET i.state = 'committed', i.committedAt = $now
RETURN i.importId AS importId
