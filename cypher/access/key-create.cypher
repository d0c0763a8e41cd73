// Records a new API key: its id, the digest of its secret (never the secret), role and who made it.
// touches: none
CREATE (k:ZanjirApiKey {keyId: $keyId, hash: $hash, role: $role, name: $name, createdBy: $createdBy, createdAt: datetime()})
RETURN k.keyId AS keyId, k.role AS role, k.name AS name, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
       null AS revokedAt, null AS lastUsedAt
