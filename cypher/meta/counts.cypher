// Node counts by kind and relationship counts by type, for the landing page and import summaries.
CALL () {
  MATCH (n:Entity)
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS kind
  RETURN 'node' AS what, kind AS name, count(*) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity)
  RETURN 'edge' AS what, type(r) AS name, count(*) AS count
}
RETURN what, name, count
ORDER BY what, name
