// Every node's names, a page at a time in id order: rebuilding all derived search fields after
// their format changed (src/model/search-text.ts SEARCH_FIELDS_VERSION).
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, n.name AS name, n.nameFa AS nameFa, n.aliases AS aliases,
       n.hsCode AS hsCode, n.operator AS operator, n.owner AS owner
ORDER BY n.id
LIMIT toInteger($limit)
