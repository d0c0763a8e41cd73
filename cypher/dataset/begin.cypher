// Opens the record of one import as a data set (src/io/datasets.ts), before anything is written:
// the unique name is taken here, so a second import under the same name fails at once.
// touches: none
CREATE (d:ZanjirDataset {
  name: $name, datasetId: $datasetId, importId: $importId, state: 'writing',
  files: $files, checksum: $checksum, importedBy: $by, importedAt: datetime(), homeCountry: $homeCountry
})
RETURN d.name AS name
