// Which format the stored search fields are in (absent: before versions were kept).
OPTIONAL MATCH (m:ZanjirMeta {key: 'search'})
RETURN m.version AS version
