// Substring candidates on the normalised name keys: catches what tokenising misses (ZWNJ
// variants, a fragment of a word). Whole names and prefixes first, so the limit keeps them.
MATCH (n:Entity)
WHERE n._searchKey CONTAINS $key AND ($kind IS NULL OR $kind IN labels(n))
WITH n, CASE WHEN n._searchKey CONTAINS ('|' + $key + '|') THEN 3
             WHEN n._searchKey CONTAINS ('|' + $key) THEN 2
             ELSE 1 END AS rank
ORDER BY rank DESC, n.name
LIMIT toInteger($limit)
RETURN n AS node, COUNT { (n)--() } AS degree
