// One page of edges for the in-memory engine: the edges out of the nodes after $after in id
// order, with every property the metrics read, one map per edge, all in one row.
MATCH (a:Entity)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
WITH collect(a) AS page
UNWIND page AS a
OPTIONAL MATCH (a)-[r:{{types}}]->(b:Entity)
WITH page, collect(CASE WHEN r IS NOT NULL THEN r {
  type: type(r), from: a.id, to: b.id, .share, .capacityTpy, .volumePerYear, .originCountry, .quantityPerUnit, .quantity,
  .valueShare, .inputImportShare, .output, .estimate, .note, .sources, .asOf
} END) AS rows
RETURN rows, page[-1].id AS last
