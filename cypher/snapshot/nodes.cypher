// One page of chain nodes for the in-memory snapshot, in id order after $after (the entity_id
// index gives the order): the properties the metrics and walks read, one list per node, all in one
// row so the driver decodes a page at a time (src/analytics/graph-snapshot.ts). $figures maps a
// kind to the properties it dates (FIGURE_PROPERTIES): whether the node holds one is worked out here.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT toInteger($limit)
WITH collect(n) AS page
RETURN [n IN page WHERE NOT n:Source | [n.id, [l IN labels(n) WHERE l <> 'Entity'][0], n.name, n.country, n.stage, n.unitValueUsd, n.finalDemand, n.asOf, n.group,
         any(k IN coalesce($figures[[l IN labels(n) WHERE l <> 'Entity'][0]], []) WHERE n[k] IS NOT NULL)]] AS rows,
       page[-1].id AS last
