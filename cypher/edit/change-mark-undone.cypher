// Marks a change as undone by another, so it is not undone twice.
// touches: none
MATCH (c:ZanjirChange {changeId: $changeId})
SET c.undoneBy = $undoneBy, c.undoneAt = datetime()
