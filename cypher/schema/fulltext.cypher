// Ranked search over English and Persian names. The persian analyzer splits on ZWNJ and folds
// Arabic yeh/kaf; _searchText holds names and aliases already normalised by Zanjir, so spellings
// with and without ZWNJ, diacritics or Persian digits meet.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameFa, n._searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'persian', `fulltext.eventually_consistent`: false } };
