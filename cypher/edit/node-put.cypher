// Writes a node whole: its properties become exactly $props (an edit merged them with what was
// stored before), and its search fields are rebuilt from them.
MERGE (n:Entity:{{label}} {id: $id})
SET n = $props, n._searchKey = $searchKey, n._searchText = $searchText
RETURN n AS node
