// Before removing a data set: relationships that would lose an end but are not the data set's
// alone (another data set's, an edit's). The nodes it would delete are those it created that no
// other data set has written since. MENTIONS (entity linking) are derived: they go with the node.
MATCH (b:ZanjirDatasetBatch {dataset: $name, what: 'nodes'})
UNWIND b.created AS id
MATCH (n:Entity {id: id})
WHERE n._datasets = [$name]
MATCH (n)-[r]-(m:Entity)
WHERE type(r) <> 'MENTIONS' AND (r._datasets IS NULL OR r._datasets <> [$name])
RETURN DISTINCT startNode(r).id + ' -' + type(r) + '-> ' + endNode(r).id AS record
ORDER BY record
LIMIT 11
