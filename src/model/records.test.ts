import { describe, expect, it } from 'vitest';
import { DocumentChecker } from './document-check.js';
import { edgeKey, parseEdge, parseNode } from './records.js';
import { searchKey, fullTextQuery } from './search-text.js';

describe('node records', () => {
  it('accepts a full Mine and converts nothing it need not', () => {
    const r = parseNode({ id: 'mine:chadormalu', kind: 'Mine', name: 'Chadormalu', nameFa: 'چادرملو', country: 'IR', capacityTpy: 7.5e6, status: 'OPERATING' });
    expect(r).toEqual({ ok: true, record: { id: 'mine:chadormalu', kind: 'Mine', name: 'Chadormalu', nameFa: 'چادرملو', country: 'IR', capacityTpy: 7.5e6, status: 'OPERATING' } });
  });

  it('names each bad field', () => {
    const r = parseNode({ id: 'p', kind: 'Project', name: 'x', nameFa: '', progress: 1.5, status: 'MAYBE', startedAt: '1401/13/40' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(r.problems.map((p) => [p.field, p.message]))).toEqual({
      nameFa: 'must not be empty',
      progress: 'must be between 0 and 1',
      status: 'must be one of PLANNED, ACTIVE, STALLED, DONE (got "MAYBE")',
      startedAt: 'must be a date: YYYY-MM-DD, or Solar Hijri like 1401/05/26',
    });
  });

  it('refuses lower-case or long country codes and ids with spaces', () => {
    expect(parseNode({ id: 'a b', kind: 'Supplier', name: 'x', nameFa: 'x', country: 'cn' })).toMatchObject({
      ok: false,
      problems: [{ field: 'id', message: expect.stringMatching(/^must be plain ASCII/) }, { field: 'country' }],
    });
  });

  it('refuses look-alike and non-ASCII ids, over-long names, huge numbers and separators in aliases', () => {
    const base = { kind: 'Mine', name: 'x', nameFa: 'x' };
    expect(parseNode({ ...base, id: 'mine:sungun-\u0443' }).ok).toBe(false);
    expect(parseNode({ ...base, id: 'معدن:سونگون' }).ok).toBe(false);
    expect(parseNode({ ...base, id: 'mine:gol-e-gohar' }).ok).toBe(true);
    expect(parseNode({ ...base, id: 'mine:a', name: 'n'.repeat(301) })).toMatchObject({ ok: false, problems: [{ field: 'name', message: 'must be at most 300 characters' }] });
    expect(parseNode({ ...base, id: 'mine:a', capacityTpy: 1e308 })).toMatchObject({ ok: false, problems: [{ field: 'capacityTpy' }] });
    expect(parseNode({ ...base, id: 'mine:a', aliases: ['a;b'] })).toMatchObject({ ok: false, problems: [{ field: 'aliases.0' }] });
  });

  it('refuses kinds that only exist on Object.prototype, quoting bad values briefly', () => {
    for (const kind of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseNode({ id: 'mine:a', kind, name: 'x', nameFa: 'x' })).toMatchObject({ ok: false, problems: [{ field: 'kind' }] });
    }
    const r = parseNode({ id: 'mine:a', kind: 'k'.repeat(100_000), name: 'x', nameFa: 'x' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r).length).toBeLessThan(500);
  });
});

describe('edge records', () => {
  it('keys FEEDS by output, other types by their ends only', () => {
    const a = parseEdge({ type: 'FEEDS', from: 'ore', to: 'plant', output: 'x' });
    const b = parseEdge({ type: 'FEEDS', from: 'ore', to: 'plant', output: 'y' });
    expect(a.ok && b.ok && edgeKey(a.record) !== edgeKey(b.record)).toBe(true);
    expect(edgeKey({ type: 'SUPPLIES', from: 's', to: 'i', output: 'ignored' } as never)).toBe(edgeKey({ type: 'SUPPLIES', from: 's', to: 'i' }));
  });

  it('lets LOCALIZES carry the capacity a project adds and its input import share (0..1)', () => {
    expect(parseEdge({ type: 'LOCALIZES', from: 'p', to: 'i', capacityTpy: 3000, inputImportShare: 0.3 })).toEqual({
      ok: true,
      record: { type: 'LOCALIZES', from: 'p', to: 'i', capacityTpy: 3000, inputImportShare: 0.3 },
    });
    const bad = parseEdge({ type: 'LOCALIZES', from: 'p', to: 'i', capacityTpy: -1, inputImportShare: 1.2 });
    expect(bad.ok ? [] : Object.fromEntries(bad.problems.map((p) => [p.field, p.message]))).toEqual({
      capacityTpy: 'must not be negative',
      inputImportShare: 'must be between 0 and 1',
    });
  });

  it('refuses properties of another type', () => {
    expect(parseEdge({ type: 'EXTRACTS', from: 'm', to: 'o', quantity: 2 })).toMatchObject({ ok: false, problems: [{ message: 'unknown property "quantity"' }] });
  });
});

describe('DocumentChecker', () => {
  it('checks endpoints against the document and the database together', () => {
    const c = new DocumentChecker();
    c.addNode({ id: 'ore', kind: 'Product', name: 'o', nameFa: 'o' }, 'nodes[0]');
    c.addEdge({ type: 'FEEDS', from: 'ore', to: 'plant:db' }, 'edges[0]');
    c.addEdge({ type: 'FEEDS', from: 'ore', to: 'mine:db' }, 'edges[1]');
    expect(new Set(c.idsToResolve())).toEqual(new Set(['ore', 'plant:db', 'mine:db']));
    const problems = c.finish(new Map([['plant:db', 'Plant'], ['mine:db', 'Mine']]));
    expect(problems).toEqual([{ where: 'edges[1]', record: 'ore -FEEDS-> mine:db', field: 'to', message: 'FEEDS must end at Plant, but mine:db is a Mine' }]);
  });

  it('reports a duplicate edge with the position of the first', () => {
    const c = new DocumentChecker();
    c.addEdge({ type: 'LOCALIZES', from: 'p', to: 'i' }, 'edges[0]');
    c.addEdge({ type: 'LOCALIZES', from: 'p', to: 'i' }, 'edges[7]');
    expect(c.problems[0]).toMatchObject({ where: 'edges[7]', message: 'duplicate edge: the same edge is defined at edges[0]' });
  });

  it('requires `sources` to name Source nodes', () => {
    const c = new DocumentChecker();
    c.addNode({ id: 'm', kind: 'Mine', name: 'm', nameFa: 'm', sources: ['source:a', 'm'] }, 'nodes[0]');
    c.addNode({ id: 'source:a', kind: 'Source', name: 's', nameFa: 's' }, 'nodes[1]');
    expect(c.finish(new Map()).map((p) => p.message)).toEqual(['must list Source ids; m is a Mine']);
  });
});

describe('search text', () => {
  it('stores every name folded, so CONTAINS finds exact, prefix and inner matches', () => {
    const key = searchKey({ id: 'supplier:x', name: 'Small Industries', nameFa: 'صنايع كوچك', aliases: ['شرکت‌های کوچک'] });
    expect(key).toBe('|supplier:x|smallindustries|صنایعکوچک|شرکتهایکوچک|');
  });

  it('builds a Lucene query without operators from user text', () => {
    const query = fullTextQuery('steel AND (coil) a:b "c" ~d* \\ / ^')!;
    // Every clause is ours: lower-case words, never the user's operators, quotes or escapes.
    expect(query).not.toMatch(/AND|"|\\|\/|:|\(coil\)/);
    expect(query.startsWith('(steel^4 OR steel* OR steel~1 OR')).toBe(true);
    expect(fullTextQuery('  ')).toBeNull();
  });
});

describe('control characters (issue 22)', () => {
  const base = { id: 'mine:x', kind: 'Mine', name: 'X', nameFa: 'ایکس' };
  it('refuses them in names and aliases, which terminals and reports print', () => {
    expect(parseNode({ ...base, name: 'Evil \u001b[31mRED\u001b]0;pwned\u0007' }).ok).toBe(false);
    expect(parseNode({ ...base, nameFa: 'a\u0000b' }).ok).toBe(false);
    expect(parseNode({ ...base, aliases: ['ok', 'bad\u009b31m'] }).ok).toBe(false);
  });
  it('refuses NUL and escapes in free text, and keeps line breaks and tabs there', () => {
    expect(parseNode({ ...base, note: 'a\u0000b' }).ok).toBe(false);
    expect(parseNode({ ...base, note: 'x\u001b[2J' }).ok).toBe(false);
    expect(parseNode({ ...base, note: 'line one\nline two\ttabbed' }).ok).toBe(true);
  });
});
