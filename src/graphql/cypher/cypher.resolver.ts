import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { JSONScalar } from '../common/scalars.js';

@ObjectType('CypherResult')
export class CypherResultType {
  @Field(() => [String]) columns!: string[];
  @Field(() => JSONScalar, { description: 'A list of rows, each a list of values in column order, as JSON.' }) rows!: unknown[][];
  @Field(() => Boolean, { description: 'True when the row cap (ZANJIR_CYPHER_ROW_CAP) cut the answer.' }) truncated!: boolean;
}

@Resolver()
export class CypherResolver {
  @Query(() => CypherResultType, {
    description:
      'Runs a researcher’s read-only Cypher: refused (QUERY_NOT_READ_ONLY) unless Neo4j plans it as a pure read; runs with a timeout and a row cap. Needs the researcher role.',
  })
  cypher(@Arg('query', () => String) query: string, @Ctx() ctx: Context, @Arg('params', () => JSONScalar, { nullable: true }) params?: Record<string, unknown>) {
    requireRole(ctx, 'researcher', 'cypher');
    return ctx.executor.runReadOnlyCypher(query, params ?? {}, { rowCap: ctx.config.limits.cypherRowCap, timeoutMs: ctx.config.limits.queryTimeoutMs });
  }
}
