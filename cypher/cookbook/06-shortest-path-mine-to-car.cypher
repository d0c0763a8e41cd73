// Shortest path from a mine to a car
// Answers: through which products, plants and parts does this mine's ore reach this car?
// params: {"mine": "mine:gol-e-gohar", "car": "product:peugeot-pars"}
// Returns: the node ids along one shortest chain path, and its length.
MATCH p = SHORTEST 1 (m:Mine {id: $mine})-[:EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF]->+(c:Product {id: $car})
RETURN [n IN nodes(p) | n.id] AS path, [r IN relationships(p) | type(r)] AS via, length(p) AS hops
