// Sources with text to link, or only those named in $ids when it is not null.
MATCH (s:Source)
WHERE s.text IS NOT NULL AND ($ids IS NULL OR s.id IN $ids)
RETURN s.id AS id, s.text AS text
