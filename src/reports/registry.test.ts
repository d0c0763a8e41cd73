// The registry is the one list of reports: each names a GraphQL query that exists, and every
// GraphQL query is either a report (so it has a CSV table and a CLI command) or on the short list
// below of queries that are not reports, with why. A new analytics query has to choose.

import { describe, expect, it } from 'vitest';
import { buildZanjirSchema } from '../graphql/schema.js';
import { REPORT_USAGE } from '../cli/commands/report.js';
import { cliName, optionOf, REPORTS, reportNamed } from './registry.js';

const NOT_REPORTS: Record<string, string> = {
  node: 'a lookup, not a table',
  nodes: 'a listing (the export and search serve it elsewhere)',
  nodesByIds: 'a lookup',
  search: 'a lookup',
  categories: 'a lookup',
  graphInfo: 'server facts',
  upstream: 'a walk: exported as a graph (GET /export/*), not a table',
  downstream: 'a walk: exported as a graph (GET /export/*), not a table',
  exportGraph: 'the export itself',
  cypher: 'researcher Cypher, its own door',
  changes: 'the change log (`zanjir changes`)',
  datasets: 'data sets (`zanjir datasets`)',
  apiKeys: 'admin (`zanjir keys`)',
  whoami: 'the caller',
};

describe('the report registry', () => {
  it('names a GraphQL query for every report, and a report for every query that is not on the list of lookups', async () => {
    const queries = Object.keys((await buildZanjirSchema()).getQueryType()!.getFields()).sort();
    const reported = Object.values(REPORTS).map((def) => def.graphql);
    expect(reported.filter((q) => !queries.includes(q))).toEqual([]);
    expect(queries.filter((q) => !reported.includes(q) && !Object.hasOwn(NOT_REPORTS, q))).toEqual([]);
    expect(Object.keys(NOT_REPORTS).filter((q) => reported.includes(q))).toEqual([]);
  });

  it('gives every report one CLI name and a usage line built from its parameters', () => {
    const names = Object.keys(REPORTS).map(cliName);
    expect(new Set(names).size).toBe(names.length);
    for (const [name, def] of Object.entries(REPORTS)) {
      expect(reportNamed(cliName(name))).toBe(def);
      expect(reportNamed(name)).toBe(def);
      const line = REPORT_USAGE.split('\n').find((l) => l.startsWith(`zanjir report ${cliName(name)} `) || l === `zanjir report ${cliName(name)}`);
      expect(line, name).toBeDefined();
      for (const p of def.params) if (p.name !== def.subject?.param) expect(line, `${name} ${p.name}`).toContain(`--${optionOf(p)}`);
    }
    // The CLI once listed its reports by hand and left value-flows out.
    expect(reportNamed('value-flows')).toBe(REPORTS['value-flows']);
    expect(REPORT_USAGE).toContain('zanjir report flows ID|NAME [--min-share 0.02]');
    expect(reportNamed('__proto__')).toBeUndefined();
  });
});
