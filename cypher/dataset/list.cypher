// Every data set, oldest first ($name: only that one).
MATCH (d:ZanjirDataset)
WHERE $name IS NULL OR d.name = $name
RETURN d.name AS name, d.state AS state, d.files AS files, d.checksum AS checksum, d.importedBy AS importedBy,
       toString(d.importedAt) AS importedAt, d.homeCountry AS homeCountry,
       d.nodesCreated AS nodesCreated, d.nodesUpdated AS nodesUpdated, d.nodesUnchanged AS nodesUnchanged,
       d.edgesCreated AS edgesCreated, d.edgesUpdated AS edgesUpdated, d.edgesUnchanged AS edgesUnchanged
ORDER BY d.importedAt, d.name
