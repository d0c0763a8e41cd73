// Downstream exposure of a mine
// Answers: which finished goods and semi-finished products sit downstream of this mine (what it feeds, at any distance)?
// params: {"id": "mine:gol-e-gohar"}
// Returns: the products downstream with their stage and hops; finished goods first.
MATCH p = SHORTEST 1 (m:Mine {id: $id})-[:EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF]->{1,16}(i:Product)
RETURN i.id AS id, i.name AS name, i.stage AS stage, length(p) AS hops
ORDER BY CASE i.stage WHEN 'FINISHED' THEN 0 ELSE 1 END, hops, name
