// The last step of a rollback: the data set's meta as it was before the import, and the journal's
// head removed.
// touches: all
MATCH (i:ZanjirImport {importId: $importId})
OPTIONAL MATCH (m:ZanjirMeta {key: 'dataset'})
FOREACH (_ IN CASE WHEN i.hadMeta AND m IS NOT NULL THEN [1] ELSE [] END |
  SET m.homeCountry = i.previousHomeCountry, m.updatedAt = i.previousUpdatedAt)
FOREACH (_ IN CASE WHEN NOT i.hadMeta AND m IS NOT NULL THEN [1] ELSE [] END | DELETE m)
DELETE i
