// Which of these data-set names are still recorded: a record restored by undoChange is put back
// in the data sets that wrote it only while they exist.
UNWIND $names AS name
MATCH (d:ZanjirDataset {name: name})
RETURN collect(d.name) AS names
