// One page of nodes in (sort key, id) order, resuming after a keyset cursor. Nodes without the
// sort key (a project without a budget) come last whichever the direction.
MATCH (n:{{label}})
WHERE ($country IS NULL OR coalesce(n.country, $homeCountry) = $country)
  AND ($provinceKeys IS NULL OR reduce(s = toLower(coalesce(n.province, '')), f IN $provinceFold | replace(s, f[0], f[1])) IN $provinceKeys)
  AND ($stage IS NULL OR n.stage = $stage)
  AND ($status IS NULL OR n.status = $status)
  AND ($categories IS NULL OR n.category IN $categories)
  AND ($text IS NULL OR n._searchKey CONTAINS $text)
  AND ($dataset IS NULL OR $dataset IN n._datasets)
WITH n, {{orderKey}} AS key
WHERE $afterId IS NULL
   OR ($afterNull AND key IS NULL AND n.id > $afterId)
   OR (NOT $afterNull AND (key IS NULL OR key {{cmp}} $afterKey OR (key = $afterKey AND n.id > $afterId)))
RETURN n AS node, key
ORDER BY key IS NULL, key {{order}}, n.id ASC
LIMIT toInteger($limit)
