// One change log entry, whole.
MATCH (c:ZanjirChange {changeId: $changeId})
RETURN c {.*, at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change
