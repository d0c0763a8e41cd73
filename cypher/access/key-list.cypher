// Every API key, newest first, without digests.
MATCH (k:ZanjirApiKey)
RETURN k.keyId AS keyId, k.role AS role, k.name AS name, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
       toString(k.revokedAt) AS revokedAt, toString(k.lastUsedAt) AS lastUsedAt
ORDER BY k.createdAt DESC, k.keyId
