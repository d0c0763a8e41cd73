// The layering of STYLE.md, checked on every run: imports run one way, only src/db touches
// neo4j-driver, model and analytics stay pure, and there are no import cycles.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const files = sourceFiles(SRC);
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(IMPORT)].map((m) => m[1]!);
  return {
    local: specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts'))),
    packages: specs.filter((s) => !s.startsWith('.')),
  };
}

const area = (file: string) => path.relative(SRC, file).split(path.sep)[0]!.replace(/\.ts$/, '');
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the layering of src/', () => {
  it('lets only src/db import neo4j-driver', () => {
    const offenders = files.filter((f) => area(f) !== 'db' && graph.get(f)!.packages.some((p) => p.startsWith('neo4j-driver')));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('keeps model and analytics pure: no database, GraphQL, server or I/O modules', () => {
    const forbidden = ['db', 'graphql', 'io', 'cli', 'http', 'server', 'context', 'config'];
    for (const f of files.filter((x) => ['model', 'analytics'].includes(area(x)))) {
      const bad = graph.get(f)!.local.filter((l) => forbidden.includes(area(l)));
      expect(bad.map((b) => path.relative(SRC, b)), path.relative(SRC, f)).toEqual([]);
      const io = graph.get(f)!.packages.filter((p) => /^(node:)?(fs|net|http|child_process)$/.test(p));
      expect(io, path.relative(SRC, f)).toEqual([]);
    }
    // analytics may use model; model never uses analytics.
    for (const f of files.filter((x) => area(x) === 'model')) expect(graph.get(f)!.local.filter((l) => area(l) === 'analytics')).toEqual([]);
  });

  it('keeps src/db free of GraphQL and of the layers above it', () => {
    for (const f of files.filter((x) => area(x) === 'db')) {
      const bad = graph.get(f)!.local.filter((l) => ['graphql', 'io', 'cli', 'http', 'server', 'analytics'].includes(area(l)));
      expect(bad.map((b) => path.relative(SRC, b)), path.relative(SRC, f)).toEqual([]);
    }
  });

  it('keeps src/access below the doors: it knows roles and credentials, not GraphQL, HTTP or the database driver', () => {
    for (const f of files.filter((x) => area(x) === 'access')) {
      const bad = graph.get(f)!.local.filter((l) => ['graphql', 'io', 'cli', 'http', 'server', 'db', 'analytics'].includes(area(l)));
      expect(bad.map((b) => path.relative(SRC, b)), path.relative(SRC, f)).toEqual([]);
    }
  });

  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(SRC, x)).join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const next of graph.get(f)?.local ?? []) if (graph.has(next)) visit(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  // The doors (graphql, http, cli) sit on the services; the services and the reports serve every
  // door alike, so they know none of them.
  const DOOR_RULES: [string, string[], string[]][] = [
    ['services', ['graphql', 'http', 'cli', 'reports', 'server', 'context'], []],
    ['reports', ['graphql', 'http', 'cli', 'server', 'context'], []],
    ['context', ['graphql', 'http', 'cli', 'reports', 'server'], []],
    // `zanjir schema` emits the GraphQL SDL: the one CLI file that needs the schema.
    ['cli', ['graphql', 'http'], ['cli/commands/schema.ts']],
    ['http', ['cli'], []],
  ];
  for (const [from, forbidden, allowed] of DOOR_RULES) {
    it(`keeps src/${from} off ${forbidden.join(', ')}`, () => {
      for (const f of files.filter((x) => area(x) === from && !allowed.includes(path.relative(SRC, x)))) {
        const bad = graph.get(f)!.local.filter((l) => forbidden.includes(area(l)));
        expect(bad.map((b) => path.relative(SRC, b)), path.relative(SRC, f)).toEqual([]);
      }
    });
  }

  it('has no import cycles between folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [f, { local }] of graph) {
      for (const l of local) if (area(l) !== area(f)) folders.set(area(f), (folders.get(area(f)) ?? new Set()).add(area(l)));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (a: string, trail: string[]) => {
      if (state.get(a) === 'done') return;
      if (state.get(a) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(a)), a].join(' → '));
        return;
      }
      state.set(a, 'visiting');
      for (const next of folders.get(a) ?? []) visit(next, [...trail, a]);
      state.set(a, 'done');
    };
    for (const a of folders.keys()) visit(a, []);
    expect(cycles).toEqual([]);
  });
});
