// One API key's record, for checking a presented key.
MATCH (k:ZanjirApiKey {keyId: $keyId})
RETURN k.keyId AS keyId, k.hash AS hash, k.role AS role, k.name AS name, k.revokedAt IS NOT NULL AS revoked
