// Ranked full-text hits; the caller builds a Lucene query from normalised, escaped terms.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($limit)})
YIELD node, score
WHERE $kind IS NULL OR $kind IN labels(node)
RETURN node, score
