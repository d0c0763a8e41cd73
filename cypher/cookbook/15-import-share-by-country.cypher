// Where an item's imports come from
// Answers: for one item, the volume and share delivered from each origin country.
// params: {"item": "part:graphite-electrode", "home": "IR"}
// Returns: origin country, suppliers, summed volume and summed share.
MATCH (s:Entity)-[r:SUPPLIES|PRODUCES|EXTRACTS]->(i:Entity {id: $item})
RETURN coalesce(r.originCountry, s.country, $home) AS origin, collect(s.name) AS suppliers,
       sum(coalesce(r.volumePerYear, r.capacityTpy, 0)) AS volume, sum(coalesce(r.share, 0)) AS share
ORDER BY share DESC, volume DESC
