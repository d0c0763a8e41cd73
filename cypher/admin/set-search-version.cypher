// touches: none
MERGE (m:ZanjirMeta {key: 'search'})
SET m.version = $version
