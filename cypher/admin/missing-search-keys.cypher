// Nodes written by something other than Zanjir's importer (a Cypher or CSV export loaded
// elsewhere) lack the derived search fields; start-up fills them in.
MATCH (n:Entity)
WHERE n._searchKey IS NULL
RETURN n.id AS id, n.name AS name, n.nameFa AS nameFa, n.aliases AS aliases,
       n.hsCode AS hsCode, n.operator AS operator, n.owner AS owner
LIMIT toInteger($limit)
