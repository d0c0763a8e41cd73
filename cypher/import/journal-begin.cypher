// Opens the journal of a staged import. Until it is committed, the import can be rolled back from
// its ZanjirImportBatch and ZanjirImportUndo nodes, also after a crash. It keeps the data set's
// meta as it was, so a rollback restores that too. `slot: 'open'` is unique (a constraint): a
// second staged import cannot open while this one is unfinished. Taking the import lock first
// makes it wait for a one-transaction import that is being written.
// touches: none
MERGE (l:ZanjirImportLock {key: 'import'})
SET l.touchedAt = datetime()
WITH l
OPTIONAL MATCH (m:ZanjirMeta {key: 'dataset'})
CREATE (i:ZanjirImport {
  importId: $importId, owner: $owner, slot: 'open', state: 'writing',
  startedAt: datetime(), heartbeatAt: datetime(), sources: $sources, batches: 0,
  hadMeta: m IS NOT NULL, previousHomeCountry: m.homeCountry, previousUpdatedAt: m.updatedAt
})
RETURN i.importId AS importId
