// Creates or updates one batch of nodes of one kind; counts what really changed, so importing
// the same file twice reports nothing created and nothing updated.
UNWIND $rows AS row
OPTIONAL MATCH (old:{{label}} {id: row.id})
WITH row, old IS NULL AS created,
     old IS NOT NULL AND any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k]) AS updated
MERGE (n:Entity:{{label}} {id: row.id})
SET n += row.props, n._searchKey = row.searchKey, n._searchText = row.searchText
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated
