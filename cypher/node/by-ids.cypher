UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, n AS node
