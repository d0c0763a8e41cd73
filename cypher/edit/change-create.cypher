// One entry of the change log: who changed what, when, and the record before and after (as JSON).
// touches: none
CREATE (c:ZanjirChange {
  changeId: $changeId, at: datetime(), actor: $actor, op: $op, targetKind: $targetKind, targetId: $targetId,
  nodeIds: $nodeIds, before: $before, after: $after, summary: $summary, undoes: $undoes
})
RETURN c.changeId AS changeId, toString(c.at) AS at
