MATCH (n:{{label}})
WHERE ($country IS NULL OR coalesce(n.country, $homeCountry) = $country)
  AND ($province IS NULL OR n.province = $province)
  AND ($stage IS NULL OR n.stage = $stage)
  AND ($status IS NULL OR n.status = $status)
  AND ($text IS NULL OR n._searchKey CONTAINS $text)
  AND ($dataset IS NULL OR $dataset IN n._datasets)
RETURN count(n) AS total
