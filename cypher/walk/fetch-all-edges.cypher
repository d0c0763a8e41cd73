MATCH (a:Entity)-[r:{{types}}]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
