MATCH (n:{{label}})
WHERE ($country IS NULL OR coalesce(n.country, $homeCountry) = $country)
  AND ($provinceKeys IS NULL OR reduce(s = toLower(coalesce(n.province, '')), f IN $provinceFold | replace(s, f[0], f[1])) IN $provinceKeys)
  AND ($stage IS NULL OR n.stage = $stage)
  AND ($status IS NULL OR n.status = $status)
  AND ($categories IS NULL OR n.category IN $categories)
  AND ($text IS NULL OR n._searchKey CONTAINS $text)
  AND ($dataset IS NULL OR $dataset IN n._datasets)
RETURN count(n) AS total
