// touches: none
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n._searchKey = row.searchKey, n._searchText = row.searchText
RETURN count(n) AS updated
