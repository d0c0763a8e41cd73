// Knowledge-based suppliers
// Answers: which registered knowledge-based (دانش‌بنیان) firms supply the chain, and what?
// params: {}
// Returns: supplier, province, the items it supplies with its share of each.
MATCH (s:Supplier {knowledgeBased: true})-[r:SUPPLIES]->(i)
RETURN s.id AS supplier, s.name AS name, s.province AS province, collect(i.name + ' ' + coalesce(toString(r.share), '?')) AS supplies
ORDER BY name
