// Every engine edge from→to now, for the node pairs a change touched (one pair may hold several
// types, and FEEDS one per output), as snapshot/edges reads them.
UNWIND $pairs AS p
MATCH (a:Entity {id: p.from})-[r:{{types}}]->(b:Entity {id: p.to})
RETURN r {
  type: type(r), from: a.id, to: b.id, .share, .capacityTpy, .volumePerYear, .originCountry, .quantityPerUnit, .quantity,
  .valueShare, .inputImportShare, .output, .estimate, .note, .sources, .asOf
} AS row
