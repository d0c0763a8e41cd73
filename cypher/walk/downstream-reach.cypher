// Everything within {{depth}} hops downstream of the root, each with its fewest hops (see
// upstream-reach.cypher).
MATCH (root:Entity {id: $id})
MATCH p = ANY SHORTEST (root)-[:{{types}}]->{1,{{depth}}}(n:Entity)
WHERE n <> root
WITH n, length(p) AS depth
ORDER BY depth
WITH collect({id: n.id, name: n.name, depth: depth}) AS reached
// Past $limit nodes only the hop where the cut falls is needed (to cut it by name): nothing deeper
// is sent back, so a walk from an ore of a million-node chain returns what it can keep.
WITH reached, CASE WHEN size(reached) > toInteger($limit) THEN reached[toInteger($limit)].depth END AS cutHop
UNWIND reached AS r
WITH r, cutHop
WHERE cutHop IS NULL OR r.depth <= cutHop
RETURN r.id AS id, r.name AS name, r.depth AS depth
