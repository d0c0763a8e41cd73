// Full bill of materials of a car
// Answers: every part and material that goes into one unit of this product, with the quantity per unit.
// params: {"id": "product:peugeot-pars"}
// Returns: component, its depth in the bill, and the quantity per unit of the product (multiplied along the path).
MATCH p = (c:Entity)-[:COMPONENT_OF]->{1,6}(car:Entity {id: $id})
WITH c, p, reduce(q = 1.0, r IN relationships(p) | q * coalesce(r.quantity, 1.0)) AS quantity
RETURN c.id AS component, c.name AS name, min(length(p)) AS depth, sum(quantity) AS quantityPerUnit
ORDER BY depth, name
