// Opens the journal of a staged import. Until it is committed, the import can be rolled back from
// its ZanjirImportBatch and ZanjirImportUndo nodes, also after a crash. It keeps the data set's
// meta as it was, so a rollback restores that too.
OPTIONAL MATCH (m:ZanjirMeta {key: 'dataset'})
CREATE (i:ZanjirImport {
  importId: $importId, state: 'writing', startedAt: $now, heartbeatAt: $now, sources: $sources, batches: 0,
  hadMeta: m IS NOT NULL, previousHomeCountry: m.homeCountry, previousUpdatedAt: m.updatedAt
})
RETURN i.importId AS importId
