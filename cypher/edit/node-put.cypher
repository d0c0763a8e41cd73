// Writes a node whole: its properties become exactly $props (an edit merged them with what was
// stored before), and its search fields are rebuilt from them. The data sets that wrote it
// (`_datasets`) stay: an edit does not change where a record came from (src/io/datasets.ts).
MERGE (n:Entity:{{label}} {id: $id})
WITH n, n._datasets AS datasets
SET n = $props, n._searchKey = $searchKey, n._searchText = $searchText, n._datasets = datasets
RETURN n AS node
