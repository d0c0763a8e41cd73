// Completes a data set's record with what its import did.
// touches: none
MATCH (d:ZanjirDataset {datasetId: $datasetId})
SET d.state = 'committed', d.committedAt = datetime(),
    d.nodesCreated = $nodes.created, d.nodesUpdated = $nodes.updated, d.nodesUnchanged = $nodes.unchanged,
    d.edgesCreated = $edges.created, d.edgesUpdated = $edges.updated, d.edgesUnchanged = $edges.unchanged
RETURN d.name AS name
