// Takes an unfinished import over to roll it back. Only one process can: the head is locked
// before it is read. Allowed for its own owner at once, for anyone else only once its owner has
// been silent for $minSilentSeconds (by the database's clock, the one every process shares).
// touches: none
MATCH (i:ZanjirImport {importId: $importId})
SET i.claimedAt = datetime()
WITH i
WHERE i.state IN ['writing', 'rolling-back']
  AND (i.owner = $owner OR duration.inSeconds(i.heartbeatAt, datetime()).seconds >= $minSilentSeconds)
SET i.state = 'rolling-back', i.owner = $owner, i.heartbeatAt = datetime()
RETURN i.importId AS importId
