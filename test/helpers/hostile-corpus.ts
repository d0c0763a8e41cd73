// A corpus of malformed and hostile import documents (issue 10): truncated JSON, wrong kinds,
// dangling edges, shares above 1, NaN and Infinity, huge strings, deep nesting, prototype keys,
// Cypher metacharacters, mixed scripts, look-alike ids, bad UTF-8. Each one must be refused with
// a clear, typed error and leave the graph exactly as it was.

/** A document as bytes on disk (for the file importer) and, when it is a JSON value, as JSON text (for GraphQL). */
export interface HostileCase {
  name: string;
  /** The file's bytes: what `zanjir import` would read. */
  file: Buffer;
  /** The same document as JSON text, when it is a JSON value (GraphQL's importGraph takes values). */
  json?: string;
  /** Extension of the file: .json or .jsonl. */
  ext: '.json' | '.jsonl';
}

/** Marks a value written as JSON text by hand: nesting too deep for JSON.stringify's recursion. */
class RawJson {
  constructor(readonly text: string) {}
}

const node = (extra: Record<string, unknown> = {}) => ({ id: 'mine:hostile', kind: 'Mine', name: 'Hostile mine', nameFa: 'معدن آزمون', ...extra });
const product = (extra: Record<string, unknown> = {}) => ({ id: 'product:hostile', kind: 'Product', name: 'Hostile product', nameFa: 'کالای آزمون', ...extra });
const doc = (nodes: unknown[], edges: unknown[] = [], extra: Record<string, unknown> = {}) => ({ format: 'zanjir/1', homeCountry: 'IR', nodes, edges, ...extra });

function deep(levels: number): RawJson {
  return new RawJson(`${'['.repeat(levels)}"bottom"${']'.repeat(levels)}`);
}

function deepObject(levels: number): RawJson {
  return new RawJson(`${'{"nested":'.repeat(levels)}{"x":1}${'}'.repeat(levels)}`);
}

/** JSON text of a value that may hold RawJson parts. */
function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Documents that are values: each also written as a .json file. */
const VALUE_CASES: [string, unknown][] = [
  ['not an object', [1, 2, 3]],
  ['a string', 'zanjir/1'],
  ['null', null],
  ['wrong format', { ...doc([node()]), format: 'zanjir/2' }],
  ['no format', { nodes: [node()], edges: [] }],
  ['nodes not a list', { format: 'zanjir/1', nodes: { id: 'x' }, edges: [] }],
  ['unknown top-level key', { ...doc([node()]), __proto_hack: true }],
  ['lower-case home country', doc([node()], [], { homeCountry: 'ir' })],
  ['unknown kind', doc([node({ kind: 'Volcano' })])],
  ['kind "constructor"', doc([node({ kind: 'constructor' })])],
  ['kind "__proto__"', doc([JSON.parse('{"id":"mine:p","kind":"__proto__","name":"a","nameFa":"b"}')])],
  ['kind "toString"', doc([node({ kind: 'toString' })])],
  ['kind "hasOwnProperty"', doc([node({ kind: 'hasOwnProperty' })])],
  ['type as an object with toString', doc([node(), product()], [{ type: { toString: 1 }, from: 'mine:hostile', to: 'product:hostile' }])],
  ['type "constructor"', doc([node(), product()], [{ type: 'constructor', from: 'mine:hostile', to: 'product:hostile' }])],
  ['type "__proto__" key in an edge', doc([node(), product()], [JSON.parse('{"type":"EXTRACTS","from":"mine:hostile","to":"product:hostile","__proto__":{"share":2}}')])],
  ['kind a number', doc([node({ kind: 7 })])],
  ['id missing', doc([{ kind: 'Mine', name: 'a', nameFa: 'b' }])],
  ['id empty', doc([node({ id: '' })])],
  ['id with spaces', doc([node({ id: 'mine: hostile' })])],
  ['id with a Cyrillic look-alike', doc([node({ id: 'mine:sungun-\u0443' })])],
  ['id in Persian', doc([node({ id: 'معدن:سونگون' })])],
  ['id with a Cypher quote', doc([node({ id: "mine:x' DETACH DELETE n //" })])],
  ['id with a backtick and braces', doc([node({ id: 'mine:`}) MATCH (n) DETACH DELETE n //' })])],
  ['id 10,000 characters long', doc([node({ id: `mine:${'a'.repeat(10_000)}` })])],
  ['id a number', doc([node({ id: 42 })])],
  ['name empty after trimming', doc([node({ name: '   ' })])],
  ['name 9,000 characters long', doc([node({ name: 'N'.repeat(9_000) })])],
  ['name 1 MB long', doc([node({ name: 'M'.repeat(1_000_000) })])],
  ['nameFa 9,000 Persian characters', doc([node({ nameFa: 'ف'.repeat(9_000) })])],
  ['60 aliases', doc([node({ aliases: Array.from({ length: 60 }, (_, i) => `alias ${i}`) })])],
  ['an alias with a semicolon (the list separator of CSV exports)', doc([node({ aliases: ['Gol Gohar; Golgohar'] })])],
  ['aliases not a list', doc([node({ aliases: 'one, two' })])],
  ['note 20,000 characters', doc([node({ note: 'x'.repeat(20_000) })])],
  ['unknown property', doc([node({ capcityTpy: 10 })])],
  ['500 unknown properties', doc([node(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`p${i}`, i])))])],
  ['property "constructor"', doc([node({ constructor: 'x' })])],
  ['capacity 1e308', doc([node({ capacityTpy: 1e308 })])],
  ['capacity negative', doc([node({ capacityTpy: -5 })])],
  ['capacity a string', doc([node({ capacityTpy: '1000' })])],
  ['unit value above 1e15', doc([product({ unitValueUsd: 5e15 })])],
  ['country lower case', doc([node({ country: 'cn' })])],
  ['country three letters', doc([node({ country: 'CHN' })])],
  ['status not in the list', doc([node({ status: 'BANANA' })])],
  ['status 1 MB long', doc([node({ status: 'B'.repeat(1_000_000) })])],
  ['project progress above 1', doc([{ id: 'project:p', kind: 'Project', name: 'P', nameFa: 'پ', progress: 1.5 }])],
  ['date nonsense', doc([{ id: 'project:p', kind: 'Project', name: 'P', nameFa: 'پ', startedAt: '1403/13/40' }])],
  ['deep array nesting in a property', doc([node({ note: deep(5_000) })])],
  ['deep object nesting in a property', doc([node({ commodity: deepObject(5_000) })])],
  ['a node that is an array', doc([[node()]])],
  ['a node that is null', doc([null])],
  ['share above 1', doc([node(), product()], [{ type: 'EXTRACTS', from: 'mine:hostile', to: 'product:hostile', share: 1.2 }])],
  ['share negative', doc([node(), product()], [{ type: 'EXTRACTS', from: 'mine:hostile', to: 'product:hostile', share: -0.1 }])],
  ['dangling edge', doc([node()], [{ type: 'EXTRACTS', from: 'mine:hostile', to: 'product:nowhere' }])],
  ['edge of the wrong kinds', doc([node(), product()], [{ type: 'EXTRACTS', from: 'product:hostile', to: 'mine:hostile' }])],
  ['edge type unknown', doc([node(), product()], [{ type: 'DESTROYS', from: 'mine:hostile', to: 'product:hostile' }])],
  ['edge type with Cypher injection', doc([node(), product()], [{ type: 'EXTRACTS]->() DETACH DELETE n //', from: 'mine:hostile', to: 'product:hostile' }])],
  ['duplicate ids', doc([node(), node()])],
  ['one id given two kinds', doc([node(), { ...product(), id: 'mine:hostile' }])],
  ['a good node with a bad edge (nothing may be written)', doc([node(), product()], [{ type: 'EXTRACTS', from: 'mine:hostile', to: 'product:hostile', capacityTpy: Number.NaN }])],
];

/** Documents that are not even JSON values, or are files only. */
function fileOnlyCases(): HostileCase[] {
  const good = JSON.stringify(doc([node(), product()], [{ type: 'EXTRACTS', from: 'mine:hostile', to: 'product:hostile' }]));
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  const badUtf8 = Buffer.from(good.replace('Hostile mine', 'Hostile XX'), 'utf8');
  const at = badUtf8.indexOf(Buffer.from('XX'));
  badUtf8[at] = 0xff;
  const badUtf8Id = Buffer.from(good.replace('mine:hostile', 'mine:hostilXX').replace('"from":"mine:hostile"', '"from":"mine:hostilXX"'), 'utf8');
  for (let i = badUtf8Id.indexOf(Buffer.from('XX')); i >= 0; i = badUtf8Id.indexOf(Buffer.from('XX'), i + 1)) {
    badUtf8Id[i] = 0xc3;
    badUtf8Id[i + 1] = 0x28;
  }
  return [
    { name: 'truncated JSON', file: bytes(good.slice(0, good.length / 2)), ext: '.json' },
    { name: 'empty file', file: bytes(''), ext: '.json' },
    { name: 'NaN and Infinity literals', file: bytes(good.replace('"edges":[', '"edges":[{"type":"EXTRACTS","from":"mine:hostile","to":"product:hostile","share":NaN,"capacityTpy":Infinity},')), ext: '.json' },
    { name: 'trailing garbage', file: bytes(`${good} ; DROP TABLE`), ext: '.json' },
    { name: 'a byte that is not UTF-8 in a name', file: badUtf8, ext: '.json' },
    { name: 'bytes that are not UTF-8 in an id', file: badUtf8Id, ext: '.json' },
    { name: 'JSON Lines without a header', file: bytes(`${JSON.stringify(node())}\n`), ext: '.jsonl' },
    { name: 'JSON Lines with a broken line', file: bytes(`{"format":"zanjir/1"}\n${JSON.stringify(node())}\n{"id": "mine:b", \n`), ext: '.jsonl' },
    { name: 'JSON Lines with a bad UTF-8 line', file: Buffer.concat([bytes(`{"format":"zanjir/1"}\n`), badUtf8.subarray(0, 0), bytes('{"id":"mine:u'), Buffer.from([0xfe, 0xfe]), bytes('","kind":"Mine","name":"u","nameFa":"u"}\n')]), ext: '.jsonl' },
  ];
}

export function hostileCorpus(): HostileCase[] {
  const values = VALUE_CASES.map(([name, value]): HostileCase => {
    const json = toJson(value);
    return { name, json, file: Buffer.from(json, 'utf8'), ext: '.json' };
  });
  return [...values, ...fileOnlyCases()];
}
