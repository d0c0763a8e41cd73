// Substring hits on the normalised name keys: catches what tokenising misses (ZWNJ variants,
// a fragment of a word). Exact and prefix matches rank above the rest.
MATCH (n:Entity)
WHERE n._searchKey CONTAINS $key AND ($kind IS NULL OR $kind IN labels(n))
RETURN n AS node,
       CASE WHEN n._searchKey CONTAINS ('|' + $key + '|') THEN 3.0
            WHEN n._searchKey CONTAINS ('|' + $key) THEN 2.0
            ELSE 1.0 END AS score
ORDER BY score DESC, n.name
LIMIT toInteger($limit)
