// The batches a staged import wrote, newest first: the order a rollback undoes them in.
MATCH (b:ZanjirImportBatch {importId: $importId})
RETURN b.seq AS seq, b.what AS what, b.label AS label, b.type AS type
ORDER BY seq DESC
