import { describe, expect, it } from 'vitest';
import { checkReadOnlyPlan, type PlanNode } from './read-only-policy.js';

// Plans shaped as Neo4j 5.26 hands them over (operator names and Details as EXPLAIN gives them).
const op = (operatorType: string, details = '', children: PlanNode[] = []): PlanNode => ({ operatorType: `${operatorType}@neo4j`, arguments: { Details: details }, children });

describe('checkReadOnlyPlan', () => {
  it('allows a match, expand, filter and projection', () => {
    const plan = op('ProduceResults', 'n', [op('Filter', 'n.id STARTS WITH $autostring_0', [op('Expand(All)', '(a)-[r]->(n)', [op('NodeByLabelScan', 'a:Entity')])])]);
    expect(checkReadOnlyPlan(plan, 'neo4j')).toEqual({ allowed: true });
  });

  it('allows pruning var-length expands, shortest paths and temporal functions', () => {
    const plan = op('ProduceResults', 'p', [
      op('Projection', 'date($autostring_0) AS d, duration.between(a, b) AS x', [op('StatefulShortestPath(Into)', 'SHORTEST 1', [op('VarLengthExpand(Pruning,BFS)', '(a)-[*..5]->(b)', [op('AllNodesScan', 'a')])])]),
    ]);
    expect(checkReadOnlyPlan(plan, 'neo4j')).toEqual({ allowed: true });
  });

  it('refuses LOAD CSV wherever it sits in the plan', () => {
    const plan = op('ProduceResults', 'r', [op('Apply', '', [op('AllNodesScan', 'n'), op('LoadCSV', 'r')])]);
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
