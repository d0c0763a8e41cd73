// Revokes an API key (kept, so the change log and the list still name it).
// touches: none
MATCH (k:ZanjirApiKey {keyId: $keyId})
SET k.revokedAt = coalesce(k.revokedAt, datetime()), k.revokedBy = coalesce(k.revokedBy, $revokedBy)
RETURN k.keyId AS keyId, k.role AS role, k.name AS name, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
       toString(k.revokedAt) AS revokedAt, toString(k.lastUsedAt) AS lastUsedAt
