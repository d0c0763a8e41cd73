// Suppliers per country
// Answers: how many suppliers does the graph hold in each country, and how many items do they deliver?
// params: {"home": "IR"}
// Returns: country, number of suppliers, number of distinct items supplied.
MATCH (s:Supplier)
OPTIONAL MATCH (s)-[:SUPPLIES]->(i)
RETURN coalesce(s.country, $home) AS country, count(DISTINCT s) AS suppliers, count(DISTINCT i) AS items
ORDER BY suppliers DESC, country
