// Estimated versus sourced
// Answers: how much of the data rests on a cited publication, and how much is an estimate, by kind?
// params: {}
// Returns: kind, nodes, nodes marked estimate, nodes with a citation.
MATCH (n:Entity)
WHERE NOT n:Source
WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n
RETURN kind, count(n) AS nodes,
       count(CASE WHEN n.estimate THEN 1 END) AS estimated,
       count(CASE WHEN exists { (n)-[:CITES]->(:Source) } OR size(coalesce(n.sources, [])) > 0 THEN 1 END) AS cited
ORDER BY nodes DESC
