// Writes a node whole: its properties become exactly $props (an edit merged them with what was
// stored before), and its search fields are rebuilt from them. The data sets that wrote it
// (`_datasets`) stay: an edit does not change where a record came from (src/io/datasets.ts). A
// node created here gets $datasets (null, or those a restored node had: undoChange).
// touches: nodes $id
MERGE (n:Entity:{{label}} {id: $id})
WITH n, coalesce(n._datasets, $datasets) AS datasets
SET n = $props, n._searchKey = $searchKey, n._searchText = $searchText, n._datasets = datasets
RETURN n AS node
