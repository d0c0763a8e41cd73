// The nodes a change touched, as snapshot/nodes reads them; an id missing from the answer no
// longer exists (or is a Source, which the engine does not hold).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Source
RETURN n {
  .id, kind: [l IN labels(n) WHERE l <> 'Entity'][0], .name, .country, .stage, .unitValueUsd, .finalDemand, .asOf, .group, .category,
  .owner, .status, .progress, .budget, .jobs, .expectedCompletion, .type, .sanctionRegimes,
  figures: [k IN coalesce($figures[[l IN labels(n) WHERE l <> 'Entity'][0]], []) | n[k]]
} AS row
