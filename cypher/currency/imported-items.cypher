// Items with at least one foreign source edge (DOMAIN.md: the edge's originCountry, else the
// source's country, else home), optionally of one stage: the items that have an import bill.
MATCH (s:Entity)-[r:EXTRACTS|PRODUCES|SUPPLIES]->(k:Entity)
WHERE (k:Product OR k:Part)
  AND ($stage IS NULL OR k.stage = $stage)
  AND coalesce(CASE WHEN type(r) = 'SUPPLIES' THEN r.originCountry END, s.country, $homeCountry) <> $homeCountry
RETURN DISTINCT k.id AS id
ORDER BY id
