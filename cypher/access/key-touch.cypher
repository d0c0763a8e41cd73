// Notes when a key was last used (at most once per cache period, not per request).
MATCH (k:ZanjirApiKey {keyId: $keyId})
SET k.lastUsedAt = datetime()
