import { describe, expect, it } from 'vitest';
import { bookkeepingInAnswer, checkBookkeepingText, checkReadOnlyPlan, scrubBookkeeping, type PlanNode } from './read-only-policy.js';

// Plans shaped as Neo4j 5.26 hands them over (operator names and Details as EXPLAIN gives them).
const op = (operatorType: string, details = '', children: PlanNode[] = []): PlanNode => ({ operatorType: `${operatorType}@neo4j`, arguments: { Details: details }, children });

describe('checkReadOnlyPlan', () => {
  it('allows a match, expand, filter and projection', () => {
    const plan = op('ProduceResults', 'n', [op('Filter', 'n.id STARTS WITH $autostring_0', [op('Expand(All)', '(a)-[r]->(n)', [op('NodeByLabelScan', 'a:Entity')])])]);
    expect(checkReadOnlyPlan(plan, 'neo4j')).toEqual({ allowed: true });
  });

  it('allows pruning var-length expands, shortest paths and temporal functions', () => {
    const plan = op('ProduceResults', 'p', [
      op('Projection', 'date($autostring_0) AS d, duration.between(a, b) AS x', [op('StatefulShortestPath(Into)', 'SHORTEST 1', [op('VarLengthExpand(Pruning,BFS)', '(a)-[*..5]->(b)', [op('NodeByLabelScan', 'a:Mine')])])]),
    ]);
    expect(checkReadOnlyPlan(plan, 'neo4j')).toEqual({ allowed: true });
  });

  it('refuses LOAD CSV wherever it sits in the plan', () => {
    const plan = op('ProduceResults', 'r', [op('Apply', '', [op('NodeByLabelScan', 'n:Entity'), op('LoadCSV', 'r')])]);
    expect(checkReadOnlyPlan(plan, 'neo4j')).toMatchObject({ allowed: false, what: expect.stringMatching(/LOAD CSV/) });
  });

  it.each(['ShowTransactions', 'TerminateTransactions', 'ShowSettings', 'ShowProcedures', 'AdministrationCommand', 'SystemProcedureCall', 'TransactionForeach', 'Create', 'Merge', 'SetProperty'])(
    'refuses %s',
    (name) => {
      expect(checkReadOnlyPlan(op('ProduceResults', '', [op(name)]), 'neo4j').allowed).toBe(false);
    },
  );

  it('allows only listed procedures, by name', () => {
    expect(checkReadOnlyPlan(op('ProcedureCall', 'db.labels() :: (label :: STRING)'), 'neo4j').allowed).toBe(true);
    expect(checkReadOnlyPlan(op('ProcedureCall', "db.stats.retrieve($autostring_0) :: (section :: STRING, data :: MAP)"), 'neo4j')).toMatchObject({ allowed: false, what: 'the procedure db.stats.retrieve' });
    expect(checkReadOnlyPlan(op('ProcedureCall', 'apoc.load.json($autostring_0) :: (value :: MAP)'), 'neo4j')).toMatchObject({ allowed: false, what: 'the procedure apoc.load.json' });
  });

  it('refuses namespaced functions outside the allow-list (plugins on an external Neo4j)', () => {
    const plan = op('ProduceResults', 'x', [op('Projection', 'apoc.util.md5([$autostring_0]) AS x')]);
    expect(checkReadOnlyPlan(plan, 'neo4j')).toMatchObject({ allowed: false, what: 'the function apoc.util.md5' });
    // Property access is not a call.
    expect(checkReadOnlyPlan(op('Projection', 'cache[n.id] AS `n.id`, n.name AS name'), 'neo4j').allowed).toBe(true);
  });

  it('refuses a plan that runs on another database', () => {
    expect(checkReadOnlyPlan({ operatorType: 'ProduceResults@system', children: [] }, 'neo4j')).toMatchObject({ allowed: false, what: 'the database "system"' });
  });

  it('refuses an operator it does not know, rather than guessing', () => {
    expect(checkReadOnlyPlan(op('SomeFutureOperator'), 'neo4j')).toMatchObject({ allowed: false });
    expect(checkReadOnlyPlan(null, 'neo4j').allowed).toBe(false);
  });
});

describe('Zanjir’s bookkeeping is hidden from researcher Cypher (issue 22)', () => {
  it.each([
    ['NodeByLabelScan', 'k:ZanjirApiKey', /ZanjirApiKey/],
    ['UnionNodeByLabelsScan', 'n:Mine|ZanjirMeta', /ZanjirMeta/],
    ['NodeIndexSeek', 'RANGE INDEX c:ZanjirChange(at) WHERE at > $x', /ZanjirChange/],
    ['AllNodesScan', 'n', /without a label/],
    ['NodeByIdSeek', 'n WHERE id(n) = $x', /without a label/],
    ['NodeByElementIdSeek', 'n WHERE elementId(n) = $x', /without a label/],
    ['NodeCountFromCountStore', 'count( (:) ) AS `count(n)`', /count of all nodes/],
    ['ProcedureCall', 'db.propertyKeys() :: (propertyKey :: STRING)', /db\.propertyKeys/],
  ])('refuses %s %s', (name, details, what) => {
    expect(checkReadOnlyPlan(op('ProduceResults', '', [op(name, details)]), 'neo4j')).toMatchObject({ allowed: false, what: expect.stringMatching(what) });
  });

  it('allows a labelled count, and lets a test inspect bookkeeping on purpose', () => {
    expect(checkReadOnlyPlan(op('ProduceResults', '', [op('NodeCountFromCountStore', 'count( (:Entity) ) AS `count(n)`')]), 'neo4j')).toEqual({ allowed: true });
    expect(checkReadOnlyPlan(op('ProduceResults', '', [op('NodeByLabelScan', 'k:ZanjirApiKey')]), 'neo4j', { bookkeeping: true })).toEqual({ allowed: true });
  });

  it('refuses a query naming a bookkeeping label in its text', () => {
    expect(checkBookkeepingText('MATCH (n) WHERE n : `ZanjirMeta` RETURN n')).toMatchObject({ allowed: false, what: 'the label ZanjirMeta' });
    expect(checkBookkeepingText("MATCH (n:Entity) WHERE n.name = 'Zanjir' RETURN n")).toEqual({ allowed: true });
  });

  it('passes db.labels() rows through to be scrubbed, and refuses computing on them', () => {
    const call = op('ProcedureCall', 'db.labels() :: (label :: STRING)');
    expect(checkReadOnlyPlan(op('ProduceResults', 'l', [op('Sort', 'l ASC', [op('Projection', 'label AS l', [call])])]), 'neo4j')).toEqual({ allowed: true, scrub: true });
    expect(checkReadOnlyPlan(op('ProduceResults', 'l', [op('Projection', 'reverse(label) AS l', [call])]), 'neo4j')).toMatchObject({ allowed: false });
    expect(checkReadOnlyPlan(op('ProduceResults', 'n', [op('EagerAggregation', 'count(label) AS n', [call])]), 'neo4j')).toMatchObject({ allowed: false });
    expect(checkReadOnlyPlan(op('ProduceResults', 'l', [op('Limit', '1', [call])]), 'neo4j')).toMatchObject({ allowed: false });
  });

  it('scrubs labels, label lists and schema nodes; finds bookkeeping nodes nested anywhere', () => {
    const key = { elementId: '4:x:1', labels: ['ZanjirApiKey'], properties: {} };
    const mine = { elementId: '4:x:2', labels: ['Mine'], properties: {} };
    expect(scrubBookkeeping([['Mine'], ['ZanjirApiKey'], [':`ZanjirMeta`', ['ZanjirMeta'], 'at']])).toEqual([['Mine']]);
    expect(scrubBookkeeping([[[mine, key], []]])).toEqual([[[mine], []]]);
    expect(bookkeepingInAnswer([{ x: [[key]] }])).toBe(true);
    expect(bookkeepingInAnswer([{ start: mine, end: mine, segments: [{ start: mine, relationship: { type: 'SUPPLIES' }, end: key }] }])).toBe(true);
    expect(bookkeepingInAnswer([mine, 'ZanjirApiKey', { labels: 'Zanjir' }])).toBe(false);
  });
});
