// The data sets that wrote each node (one DataLoader batch).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, coalesce(n._datasets, []) AS datasets
