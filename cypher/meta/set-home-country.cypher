// touches: all
MERGE (m:ZanjirMeta {key: 'dataset'})
SET m.homeCountry = $homeCountry, m.updatedAt = $now
