// The change log, newest first: since a time, and/or touching one node.
MATCH (c:ZanjirChange)
WHERE ($since IS NULL OR c.at >= datetime($since)) AND ($nodeId IS NULL OR $nodeId IN c.nodeIds)
RETURN c {.*, at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change
ORDER BY c.at DESC, c.changeId DESC
LIMIT toInteger($limit)
