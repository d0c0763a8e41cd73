// A purge erases the record from earlier entries too: they keep what happened (op, who, when,
// ids, summary) but not what the record held. $id: a purged node's own entries and those of
// every edge it had; $edge: one purged edge's entries (its targetId). Either may be null.
// touches: none
MATCH (c:ZanjirChange)
WHERE (c.before IS NOT NULL OR c.after IS NOT NULL)
  AND (($id IS NOT NULL AND $id IN c.nodeIds AND (c.targetId = $id OR c.targetKind = 'EDGE'))
    OR ($edge IS NOT NULL AND c.targetKind = 'EDGE' AND c.targetId = $edge))
SET c.before = null, c.after = null
RETURN count(c) AS scrubbed
