import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { JSONScalar } from '../common/scalars.js';

@ObjectType('CypherResult')
export class CypherResultType {
  @Field(() => [String]) columns!: string[];
  @Field(() => JSONScalar, { description: 'A list of rows, each a list of values in column order, as JSON.' }) rows!: unknown[][];
  @Field(() => Boolean, { description: 'True when the row cap (ZANJIR_CYPHER_ROW_CAP) or the byte cap (ZANJIR_CYPHER_BYTE_CAP) cut the answer.' }) truncated!: boolean;
  @Field(() => String, { nullable: true, description: 'ROWS or BYTES: which cap cut the answer; null when it is whole.' }) truncatedBy!: string | null;
}

@Resolver()
export class CypherResolver {
  @Query(() => CypherResultType, {
    description:
      'Runs a researcher’s read-only Cypher: refused unless Neo4j’s plan of it is made only of allow-listed read operators and procedures (QUERY_NOT_READ_ONLY for writes, QUERY_NOT_ALLOWED for LOAD CSV, SHOW/TERMINATE and other procedures); runs with a timeout, a row cap and a byte cap. Needs the researcher role.',
  })
  cypher(@Arg('query', () => String) query: string, @Ctx() ctx: Context, @Arg('params', () => JSONScalar, { nullable: true }) params?: Record<string, unknown>) {
    requireRole(ctx, 'cypher');
    const limits = ctx.config.limits;
    return ctx.executor.runReadOnlyCypher(query, params ?? {}, {
      rowCap: limits.cypherRowCap,
      timeoutMs: limits.queryTimeoutMs,
      byteCap: limits.cypherByteCap,
      maxLength: limits.cypherMaxLength,
    });
  }
}
