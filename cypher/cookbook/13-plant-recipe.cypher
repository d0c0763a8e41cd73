// A plant's recipe
// Answers: what does this plant consume per unit of each output, and what does it make?
// params: {"plant": "plant:mobarakeh-meltshop"}
// Returns: one row per input with quantity per unit, value share and the output it is for.
MATCH (p:Plant {id: $plant})
OPTIONAL MATCH (input)-[f:FEEDS]->(p)
OPTIONAL MATCH (p)-[o:PRODUCES]->(output)
RETURN p.name AS plant, input.name AS input, f.quantityPerUnit AS quantityPerUnit, f.valueShare AS valueShare,
       coalesce(f.output, 'all outputs') AS forOutput, collect(DISTINCT output.name + ' ' + toString(o.capacityTpy)) AS outputs
ORDER BY input
