// Removes a node and its relationships (their copies are in the change log).
// touches: nodes $id
MATCH (n:Entity {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
