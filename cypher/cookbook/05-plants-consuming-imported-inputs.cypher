// Plants consuming an imported input
// Answers: which plants are fed an input that arrives, at least in part, from abroad?
// params: {"home": "IR"}
// Returns: the plant, the imported inputs it consumes and their origin countries.
MATCH (input:Entity)-[:FEEDS]->(plant:Plant)
MATCH (s:Entity)-[r:EXTRACTS|PRODUCES|SUPPLIES]->(input)
WITH plant, input, coalesce(r.originCountry, s.country, $home) AS origin
WHERE origin <> $home
RETURN plant.id AS plant, plant.name AS name, collect(DISTINCT input.name) AS importedInputs, collect(DISTINCT origin) AS countries
ORDER BY size(importedInputs) DESC, name
