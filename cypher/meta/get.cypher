OPTIONAL MATCH (m:ZanjirMeta {key: 'dataset'})
RETURN m.homeCountry AS homeCountry, m.updatedAt AS updatedAt
