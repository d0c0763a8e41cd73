// Everything within {{depth}} hops downstream of the root, each with its fewest hops (see
// upstream-reach.cypher).
MATCH (root:Entity {id: $id})
MATCH p = ANY SHORTEST (root)-[:{{types}}]->{1,{{depth}}}(n:Entity)
WHERE n <> root
RETURN n.id AS id, n.name AS name, length(p) AS depth
