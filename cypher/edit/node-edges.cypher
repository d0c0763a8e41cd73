// Every relationship of a node, in both directions, whole: what a delete must be able to restore.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
