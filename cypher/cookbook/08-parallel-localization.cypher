// Parallel localization work
// Answers: which items are being localized by two or more live projects of different owners?
// params: {}
// Returns: the item, the owners and the projects with their progress.
MATCH (p:Project)-[:LOCALIZES]->(i:Entity)
WHERE p.status IN ['ACTIVE', 'PLANNED']
WITH i, collect(p) AS projects, collect(DISTINCT p.owner) AS owners
WHERE size(projects) >= 2 AND size(owners) >= 2
RETURN i.id AS item, i.name AS name, owners, [p IN projects | p.name + ' (' + toString(p.progress) + ')'] AS projects
ORDER BY size(owners) DESC, name
