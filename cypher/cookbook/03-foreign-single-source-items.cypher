// Foreign single-source items
// Answers: which products and parts have exactly one source, and that source is abroad (the most fragile links)?
// params: {"home": "IR"}
// Returns: the item, its only supplier, and the origin country (SUPPLIES originCountry, else the supplier's country).
MATCH (s:Entity)-[r:EXTRACTS|PRODUCES|SUPPLIES]->(i:Entity)
WHERE i:Product OR i:Part
WITH i, collect({source: s, origin: coalesce(r.originCountry, s.country, $home)}) AS sources
WHERE size(sources) = 1 AND sources[0].origin <> $home
RETURN i.id AS item, i.name AS name, sources[0].source.name AS supplier, sources[0].origin AS country
ORDER BY country, name
