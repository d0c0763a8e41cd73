// One page of chain edges for the in-memory snapshot: the edges out of the nodes after $after in
// id order, with all their properties, one list per edge, all in one row.
MATCH (a:Entity)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
WITH collect(a) AS page
UNWIND page AS a
OPTIONAL MATCH (a)-[r:{{types}}]->(b:Entity)
WITH page, collect(CASE WHEN r IS NOT NULL THEN [type(r), a.id, b.id, r.share, r.capacityTpy, r.volumePerYear, r.originCountry,
  r.quantityPerUnit, r.quantity, r.valueShare, r.output, r.estimate, r.note, r.sources, r.asOf] END) AS rows
RETURN rows, page[-1].id AS last
