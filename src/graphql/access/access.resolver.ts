// Who am I, and the admin's doors: API keys (created, listed, revoked) and emptying the graph.
// `zanjir keys` does the same from the command line, through the same store.

import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { KEY_NAME_MAX, keyName } from '../../access/api-key.js';
import { OPERATIONS, allows, type Operation } from '../../access/roles.js';
import { requireRole, type Context } from '../../context.js';
import { BadUserInputError, NotFoundError } from '../../errors/index.js';
import { emptyGraph } from '../../io/edits.js';

export enum RoleEnum {
  READER = 'reader',
  RESEARCHER = 'researcher',
  EDITOR = 'editor',
  ADMIN = 'admin',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a caller may do; each role may do everything the ones before it may.',
  valuesConfig: {
    READER: { description: 'Queries, analytics, views and reports.' },
    RESEARCHER: { description: 'Also exports and read-only Cypher.' },
    EDITOR: { description: 'Also imports and edits (upsert, delete, undo).' },
    ADMIN: { description: 'Also API keys and emptying the graph.' },
  },
});

@ObjectType('Caller', { description: 'Who the server takes the caller to be, and what they may do.' })
export class CallerType {
  @Field(() => RoleEnum, { nullable: true, description: 'Null for a caller without a key on a server that gives them no role.' }) role!: RoleEnum | null;
  @Field(() => String) subject!: string;
  @Field(() => String, { description: 'anonymous, api-key or jwt.' }) via!: string;
  @Field(() => [String], { description: 'The operations this caller may perform.' }) operations!: string[];
}

@ObjectType('ApiKey', { description: 'An API key as the server keeps it: never the key itself, which is shown once, at creation.' })
export class ApiKeyType {
  @Field(() => ID) keyId!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => String) name!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) createdBy!: string;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => String, { description: 'The key: send it as "Authorization: Bearer <key>". It is not stored and cannot be shown again.' }) key!: string;
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
}

@ObjectType('ResetResult')
export class ResetResultType {
  @Field(() => Number) nodesDeleted!: number;
  @Field(() => ID) changeId!: string;
}

@Resolver()
export class AccessResolver {
  @Query(() => CallerType, { description: 'Who the server takes you to be, and what you may do.' })
  whoami(@Ctx() ctx: Context): CallerType {
    const { role, subject, via } = ctx.principal;
    return { role: role as RoleEnum | null, subject, via, operations: (Object.keys(OPERATIONS) as Operation[]).filter((op) => allows(role, op)) };
  }

  @Query(() => [ApiKeyType], { description: 'Every API key, newest first (admin).' })
  async apiKeys(@Ctx() ctx: Context) {
    requireRole(ctx, 'keys');
    return ctx.access.list();
  }

  @Mutation(() => CreatedApiKeyType, { description: 'Creates an API key with a role (admin). The key is in the answer once and never again.' })
  async createApiKey(@Arg('name', () => String) name: string, @Arg('role', () => RoleEnum) role: RoleEnum, @Ctx() ctx: Context) {
    requireRole(ctx, 'keys');
    const stored = keyName(name);
    if (!stored) throw new BadUserInputError(`name must be 1 to ${KEY_NAME_MAX} characters: say who or what the key is for.`, 'name');
    return ctx.access.issue({ role, name: stored, createdBy: ctx.principal.subject });
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes an API key (admin); every Zanjir on this database refuses it within ZANJIR_KEY_CACHE_SECONDS.' })
  async revokeApiKey(@Arg('keyId', () => ID) keyId: string, @Ctx() ctx: Context) {
    requireRole(ctx, 'keys');
    const revoked = await ctx.access.revoke(keyId, ctx.principal.subject);
    if (!revoked) throw new NotFoundError('API key', keyId);
    ctx.authenticator.forget(keyId);
    return revoked;
  }

  @Mutation(() => ResetResultType, { description: 'Deletes every node and edge (admin). API keys and the change log stay. confirm must be "delete everything".' })
  async resetGraph(@Arg('confirm', () => String) confirm: string, @Ctx() ctx: Context) {
    requireRole(ctx, 'reset');
    if (confirm !== 'delete everything') throw new BadUserInputError('To empty the graph, pass confirm: "delete everything".', 'confirm');
    return emptyGraph(ctx.executor, ctx.principal.subject);
  }
}
