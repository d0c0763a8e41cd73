// Unmodeled origins
// Answers: which items have neither a source nor a bill of materials (counted as home-made by the metrics)?
// params: {}
// Returns: the items a data steward should give sources to.
MATCH (i:Entity)
WHERE (i:Product OR i:Part)
  AND NOT exists { (i)<-[:EXTRACTS|PRODUCES|SUPPLIES]-() }
  AND NOT exists { (i)<-[:COMPONENT_OF]-() }
RETURN i.id AS item, i.name AS name, [l IN labels(i) WHERE l <> 'Entity'][0] AS kind
ORDER BY name
