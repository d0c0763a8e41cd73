// Notes when a key was last used (at most once per cache period, not per request).
// touches: none
MATCH (k:ZanjirApiKey {keyId: $keyId})
SET k.lastUsedAt = datetime()
