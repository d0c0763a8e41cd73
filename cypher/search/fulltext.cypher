// Full-text candidates for search; the caller builds the Lucene query from normalised words and
// ranks the candidates itself (src/model/search-rank.ts), using the degree to break ties.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($limit)})
YIELD node, score
WHERE $kind IS NULL OR $kind IN labels(node)
RETURN node, COUNT { (node)--() } AS degree
