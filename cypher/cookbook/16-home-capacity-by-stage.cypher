// Home capacity by stage
// Answers: how much does the country make at each stage of processing (ore, concentrate, intermediate, …)?
// params: {"home": "IR"}
// Returns: stage, number of products, summed home capacity (t/y; units differ per product, so read with care).
MATCH (src:Entity)-[r:EXTRACTS|PRODUCES]->(i:Product)
WHERE coalesce(src.country, $home) = $home
RETURN i.stage AS stage, count(DISTINCT i) AS products, sum(r.capacityTpy) AS homeCapacity
ORDER BY CASE i.stage WHEN 'ORE' THEN 0 WHEN 'CONCENTRATE' THEN 1 WHEN 'INTERMEDIATE' THEN 2 WHEN 'SEMI_FINISHED' THEN 3 WHEN 'CONSUMABLE' THEN 4 ELSE 5 END
