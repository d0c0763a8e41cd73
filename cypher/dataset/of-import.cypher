// The data set a staged import was recording, for its rollback.
MATCH (d:ZanjirDataset {importId: $importId})
RETURN d.name AS name
