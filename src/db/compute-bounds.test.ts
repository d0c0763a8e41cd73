import { describe, expect, it } from 'vitest';
import { checkComputeBounds } from './compute-bounds.js';
import { mapDriverError } from './executor.js';

describe('checkComputeBounds', () => {
  it.each([
    'RETURN range(1, 2000000) AS r',
    'UNWIND range(1, 2000000) + [1] AS x RETURN count(x)',
    'RETURN range(0, 4000000000, 2) AS r',
    'RETURN [x IN range(1, 2000) | [y IN range(1, 2000) | x * y]] AS grid',
    "RETURN reduce(s = 'x', k IN range(1, 30) | s + s) AS s",
    'RETURN reduce(s = 0, k IN range(1, 200000) | s + k) AS s',
    'WITH 5000000000 AS n RETURN range(1, n) AS r',
    'RETURN range(1, toInteger("9999999999")) AS r',
    "RETURN reduce(s = 'x', k IN range(1, 30) | s + `s`) AS s",
    "RETURN REDUCE(s = 'x', k IN RANGE(1, 30) | s + s) AS s",
  ])('refuses %s', (q) => {
    expect(checkComputeBounds(q).allowed).toBe(false);
  });

  it.each([
    'UNWIND range(1, 1000) AS i UNWIND range(1, 1000) AS j RETURN count(*)',
    'UNWIND range(1, 900000000) AS x RETURN count(x)',
    "RETURN reduce(s = 'x', k IN range(1, 17) | s + s) AS s",
    "RETURN 'range(1, 99999999999)' AS text // range(1, 99999999999)",
    'RETURN reduce(s = 0, k IN [1, 2, 3] | s + k) AS s',
    'MATCH (n) RETURN n.range AS r',
    'RETURN range(1, $n) AS r',
  ])('allows %s', (q) => {
    expect(checkComputeBounds(q, { n: 10 }).allowed).toBe(true);
  });

  it('reads range bounds from parameters', () => {
    expect(checkComputeBounds('RETURN range(1, $n) AS r', { n: 5_000_000_000 }).allowed).toBe(false);
    expect(checkComputeBounds('RETURN range(1, $n) AS r', { n: 'a string' }).allowed).toBe(false);
  });
});

describe('memory errors are typed', () => {
  it.each(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.OutOfMemoryError', 'Neo.TransientError.General.TransactionOutOfMemoryError'])('%s is QUERY_TOO_LARGE', (code) => {
    const mapped = mapDriverError(Object.assign(new Error('boom'), { code }), 1000) as { extensions?: { code?: string } };
    expect(mapped.extensions?.code).toBe('QUERY_TOO_LARGE');
  });
});
