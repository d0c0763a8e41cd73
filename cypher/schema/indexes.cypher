// Sorting and filtering in nodes(...): name order, country/province/stage/status filters.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_name_fa IF NOT EXISTS FOR (n:Entity) ON (n.nameFa);
CREATE INDEX product_stage IF NOT EXISTS FOR (n:Product) ON (n.stage);
CREATE INDEX mine_country IF NOT EXISTS FOR (n:Mine) ON (n.country);
CREATE INDEX plant_country IF NOT EXISTS FOR (n:Plant) ON (n.country);
CREATE INDEX supplier_country IF NOT EXISTS FOR (n:Supplier) ON (n.country);
CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status);
// Substring match on the normalised names (see src/model/persian.ts): CONTAINS uses a text index.
CREATE TEXT INDEX entity_search_key IF NOT EXISTS FOR (n:Entity) ON (n._searchKey);
// A rollback finds a batch's journal by import and sequence number.
CREATE INDEX zanjir_import_batch IF NOT EXISTS FOR (b:ZanjirImportBatch) ON (b.importId, b.seq);
CREATE INDEX zanjir_import_undo IF NOT EXISTS FOR (u:ZanjirImportUndo) ON (u._undoImport, u._undoSeq);
// The change log is read newest first, since a time.
CREATE INDEX zanjir_change_at IF NOT EXISTS FOR (c:ZanjirChange) ON (c.at);
// The change feed is read from a version on (src/engine/snapshot-cache.ts) and pruned by version.
CREATE INDEX zanjir_graph_change_version IF NOT EXISTS FOR (c:ZanjirGraphChange) ON (c.version);
// Removing a data set finds its bookkeeping by name, and pairs undo copies with what was written.
CREATE INDEX zanjir_dataset_undo IF NOT EXISTS FOR (u:ZanjirDatasetUndo) ON (u._dsName);
CREATE INDEX zanjir_dataset_write IF NOT EXISTS FOR (w:ZanjirDatasetWrite) ON (w._dsKey);
CREATE INDEX zanjir_dataset_batch IF NOT EXISTS FOR (b:ZanjirDatasetBatch) ON (b.dataset);
CREATE INDEX zanjir_dataset_import IF NOT EXISTS FOR (d:ZanjirDataset) ON (d.importId);
// Search by category ("car" → the cars) and the category/sector filter of nodes(...).
CREATE INDEX entity_category IF NOT EXISTS FOR (n:Entity) ON (n.category);
