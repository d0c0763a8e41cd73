// Ids are unique across all kinds: every node carries :Entity as well as its kind's label.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mine_id IF NOT EXISTS FOR (n:Mine) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plant_id IF NOT EXISTS FOR (n:Plant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT part_id IF NOT EXISTS FOR (n:Part) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT supplier_id IF NOT EXISTS FOR (n:Supplier) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT zanjir_meta_key IF NOT EXISTS FOR (m:ZanjirMeta) REQUIRE m.key IS UNIQUE;
// The journal of staged imports (src/io/import-journal.ts).
CREATE CONSTRAINT zanjir_import_id IF NOT EXISTS FOR (i:ZanjirImport) REQUIRE i.importId IS UNIQUE;
CREATE CONSTRAINT zanjir_import_slot IF NOT EXISTS FOR (i:ZanjirImport) REQUIRE i.slot IS UNIQUE;
CREATE CONSTRAINT zanjir_import_lock IF NOT EXISTS FOR (l:ZanjirImportLock) REQUIRE l.key IS UNIQUE;
// API keys (src/access/api-key.ts) and the change log of edits (src/io/edits.ts).
CREATE CONSTRAINT zanjir_api_key_id IF NOT EXISTS FOR (k:ZanjirApiKey) REQUIRE k.keyId IS UNIQUE;
CREATE CONSTRAINT zanjir_change_id IF NOT EXISTS FOR (c:ZanjirChange) REQUIRE c.changeId IS UNIQUE;
// Data sets (src/io/datasets.ts): one head per import, named uniquely.
CREATE CONSTRAINT zanjir_dataset_name IF NOT EXISTS FOR (d:ZanjirDataset) REQUIRE d.name IS UNIQUE;
