// Items of the categories the search words name ("car" → PASSENGER_CAR): candidates for search.
MATCH (n:Entity)
WHERE n.category IN $categories AND ($kind IS NULL OR $kind IN labels(n))
WITH n ORDER BY n.name LIMIT toInteger($limit)
RETURN n AS node, COUNT { (n)--() } AS degree
