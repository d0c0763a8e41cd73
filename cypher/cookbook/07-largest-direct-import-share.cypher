// Items with the largest direct import share
// Answers: which items are supplied most from abroad at the first tier?
// params: {"home": "IR"}
// Returns: item and m, the foreign share of its sources (by `share` when every source has one, else by count).
// For the exact figure with capacity weights and every tier, use GraphQL importContent.
MATCH (s:Entity)-[r:EXTRACTS|PRODUCES|SUPPLIES]->(i:Entity)
WITH i, collect({foreign: coalesce(r.originCountry, s.country, $home) <> $home, w: r.share}) AS src
WITH i, src, all(x IN src WHERE x.w IS NOT NULL) AS allShares
WITH i, CASE WHEN allShares AND reduce(t = 0.0, x IN src | t + x.w) > 0
             THEN reduce(t = 0.0, x IN src | t + CASE WHEN x.foreign THEN x.w ELSE 0.0 END) / reduce(t = 0.0, x IN src | t + x.w)
             ELSE toFloat(size([x IN src WHERE x.foreign])) / size(src) END AS m
WHERE m > 0
RETURN i.id AS item, i.name AS name, round(m, 3) AS directImportShare
ORDER BY directImportShare DESC, name
LIMIT 25
