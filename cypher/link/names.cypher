// Every chain node's names: what entity linking looks for in the texts.
MATCH (n:Entity)
WHERE NOT n:Source
RETURN n.id AS id, n.name AS name, n.nameFa AS nameFa, coalesce(n.aliases, []) AS aliases
