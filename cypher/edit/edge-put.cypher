// Writes one edge whole: its properties become exactly $props; created when its key is new. The
// data sets that wrote it (`_datasets`) stay, as node-put keeps them; a new edge gets $datasets.
// touches: pairs $from $to
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
OPTIONAL MATCH (a)-[old:{{type}}]->(b) WHERE coalesce(old.output, '') = $output
CALL (a, b, old) {
  WITH a, b, old WHERE old IS NULL
  CREATE (a)-[e:{{type}}]->(b)
  SET e = $props, e._datasets = $datasets
  RETURN 1 AS created
  UNION ALL
  WITH old WHERE old IS NOT NULL
  WITH old, old._datasets AS datasets
  SET old = $props, old._datasets = datasets
  RETURN 0 AS created
}
RETURN created
