// The names behind the derived search fields of the given nodes (an import that kept a node's
// stored aliases rebuilds its fields from them, in the same transaction).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.name AS name, n.nameFa AS nameFa, n.aliases AS aliases,
       n.hsCode AS hsCode, n.operator AS operator, n.owner AS owner
