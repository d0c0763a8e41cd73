// Every chain node (not sources): for graph-wide reports such as disruption and balance.
MATCH (n:Entity)
WHERE NOT n:Source
RETURN n AS node
