// Every node of one kind, in id order, streamed (one kind per CSV file; all kinds in turn for the rest).
MATCH (n:{{label}})
WHERE $ids IS NULL OR n.id IN $ids
RETURN n AS node
ORDER BY n.id
