// One node as it stands, for an edit: the whole node (labels and every property).
OPTIONAL MATCH (n:Entity {id: $id})
RETURN n AS node
