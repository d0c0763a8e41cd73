// Localization projects with their LOCALIZES edges: where a plan or an impact starts. All of
// them, or the given ids, or those of the given statuses at least minProgress along (a project
// without progress counts as 0). Cost grows with the number of projects, not the graph.
MATCH (p:Project)
WHERE ($ids IS NULL OR p.id IN $ids)
  AND ($statuses IS NULL OR p.status IN $statuses)
  AND coalesce(p.progress, 0.0) >= $minProgress
OPTIONAL MATCH (p)-[l:LOCALIZES]->(k:Entity)
RETURN p AS node,
       collect(CASE WHEN l IS NULL THEN null ELSE {to: k.id, props: properties(l)} END) AS localizes
ORDER BY p.id
