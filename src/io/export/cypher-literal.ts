// Cypher literals for the export script: strings single-quoted with backslash escapes (UTF-8
// text, Persian included, passes through as is), numbers as floats (Zanjir stores every number
// as a float, so 1000 is written 1000.0 to come back as the same type), lists and maps.

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

export function cypherLiteral(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return cypherFloat(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${cypherKey(k)}: ${cypherLiteral(v)}`).join(', ')}}`;
}

export function cypherString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function cypherFloat(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} as a Cypher literal`);
  const s = String(n);
  return /[.eE]/.test(s) ? s.replace(/e\+?/, 'E') : `${s}.0`;
}

function cypherKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``;
}
