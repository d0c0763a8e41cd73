// Upstream of a product to depth N
// Answers: what does this item depend on, within N hops along the chain (mines, plants, suppliers, inputs)?
// params: {"id": "product:hot-rolled-coil"}
// Returns: one row per upstream node with its kind and its fewest hops from the item. Change 6 to go deeper.
MATCH p = SHORTEST 1 (root:Entity {id: $id})<-[:EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF]-{1,6}(n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name, n.nameFa AS nameFa, length(p) AS hops
ORDER BY hops, name
