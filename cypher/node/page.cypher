// One page of nodes in (sort key, id) order, resuming after a keyset cursor.
MATCH (n:{{label}})
WHERE ($country IS NULL OR coalesce(n.country, $homeCountry) = $country)
  AND ($province IS NULL OR n.province = $province)
  AND ($stage IS NULL OR n.stage = $stage)
  AND ($status IS NULL OR n.status = $status)
  AND ($text IS NULL OR n._searchKey CONTAINS $text)
  AND ($dataset IS NULL OR $dataset IN n._datasets)
  AND ($afterId IS NULL OR n.{{orderField}} {{cmp}} $afterKey OR (n.{{orderField}} = $afterKey AND n.id > $afterId))
RETURN n AS node
ORDER BY n.{{orderField}} {{order}}, n.id ASC
LIMIT toInteger($limit)
