// Everything within {{depth}} hops upstream of the root, each with its fewest hops: ANY SHORTEST
// runs one breadth-first search, so a chain with many paths costs no more than one with few.
// Ids, names and depths only; the walk keeps the nearest nodes and fetches those whole.
MATCH (root:Entity {id: $id})
MATCH p = ANY SHORTEST (root)<-[:{{types}}]-{1,{{depth}}}(n:Entity)
WHERE n <> root
RETURN n.id AS id, n.name AS name, length(p) AS depth
