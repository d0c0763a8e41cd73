// Creates one batch of edges of one type that the import's check proved new: each has an end
// created by this same import, so no such edge can exist yet. No journal entry is needed: a
// rollback deletes that end with DETACH DELETE, and the edge with it.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[e:{{type}}]->(b)
SET e = row.props
RETURN count(e) AS created, 0 AS updated
