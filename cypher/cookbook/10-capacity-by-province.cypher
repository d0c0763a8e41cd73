// Capacity by province
// Answers: where in the country is an item made, and how much of it?
// params: {"item": "product:iron-ore-concentrate"}
// Returns: province, plants and mines, and their summed capacity (t/y).
MATCH (src:Entity)-[r:PRODUCES|EXTRACTS]->(i:Entity {id: $item})
RETURN coalesce(src.province, 'unknown') AS province, count(src) AS sites, sum(r.capacityTpy) AS capacityTpy
ORDER BY capacityTpy DESC
