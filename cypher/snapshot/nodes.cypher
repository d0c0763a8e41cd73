// One page of nodes for the in-memory engine, in id order after $after (the entity_id index gives
// the order), every property the metrics read, one map per node, all in one row so the driver
// decodes a page at a time (src/db/snapshot-rows.ts). $figures maps a kind to the properties it
// dates (FIGURE_PROPERTIES): their values come along, and src/model/records.ts's one rule decides
// whether the node holds a figure.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT toInteger($limit)
WITH collect(n) AS page
RETURN [n IN page WHERE NOT n:Source | n {
  .id, kind: [l IN labels(n) WHERE l <> 'Entity'][0], .name, .country, .stage, .unitValueUsd, .finalDemand, .asOf, .group, .category,
  .owner, .status, .progress, .budget, .jobs, .expectedCompletion, .type, .sanctionRegimes,
  figures: [k IN coalesce($figures[[l IN labels(n) WHERE l <> 'Entity'][0]], []) | n[k]]
}] AS rows,
page[-1].id AS last
