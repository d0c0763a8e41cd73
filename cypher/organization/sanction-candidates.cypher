// The mines, plants and suppliers a `sanctioned: true` scenario has to weigh: those listed
// themselves and those tied to an organisation (IS, OPERATES, OWNS). No other can be a
// sanctioned source (src/analytics/sanctions.ts), so the rest of the chain is never read.
MATCH (n:Entity)
WHERE (n:Mine OR n:Plant OR n:Supplier)
  AND (n.sanctionRegimes IS NOT NULL
    OR EXISTS { (n)<-[:OPERATES|OWNS]-(:Organization) }
    OR EXISTS { (n)-[:IS]->(:Organization) })
RETURN n AS node
