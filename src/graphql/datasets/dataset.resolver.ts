// Data sets: what every import brought (docs/domain.md, Data sets). Listing them is `read`;
// removing one is the `datasets` operation (admin).

import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { removeDataset } from '../../io/dataset-removal.js';
import { checkDatasetName, listDatasets } from '../../io/datasets.js';
import type { NodeRecord } from '../../model/records.js';
import { ImportCountsType } from '../imports/import-result.type.js';
import { ChainNode } from '../node/chain-node.type.js';

@ObjectType('Dataset', { description: 'One import, recorded: what it was, who brought it, when, and what it wrote.' })
export class DatasetType {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'committed, or writing while a staged import runs.' }) state!: string;
  @Field(() => [String], { description: 'The files (or "document") it was imported from.' }) files!: string[];
  @Field(() => String, { description: 'sha256 of its records (each record’s JSON, in order).' }) checksum!: string;
  @Field(() => String, { description: 'Who imported it: a key’s subject, cli:<user>, seed.' }) importedBy!: string;
  @Field(() => String, { description: 'When (ISO date-time, the database’s clock).' }) importedAt!: string;
  @Field(() => String, { nullable: true }) homeCountry!: string | null;
  @Field(() => ImportCountsType) nodes!: ImportCountsType;
  @Field(() => ImportCountsType) edges!: ImportCountsType;
}

@ObjectType('DatasetRemoval', { description: 'What removing a data set did.' })
export class DatasetRemovalType {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Nodes it created that no other data set had written.' }) nodesDeleted!: number;
  @Field(() => Int) edgesDeleted!: number;
  @Field(() => Int, { description: 'Nodes it had updated, put back as they were.' }) nodesRestored!: number;
  @Field(() => Int) edgesRestored!: number;
}

@Resolver()
export class DatasetResolver {
  @Query(() => [DatasetType], { description: 'Every data set (one per import), oldest first.' })
  datasets(@Ctx() ctx: Context) {
    requireRole(ctx, 'read');
    return listDatasets(ctx.executor);
  }

  @Mutation(() => DatasetRemovalType, {
    description:
      'Removes exactly what only this data set brought, and puts back what it overwrote on nodes and edges it updated but did not create; all or nothing. Refused (DATASET_IN_USE) when other data sets’ records hang on its nodes.',
  })
  removeDataset(@Arg('name', () => String) name: string, @Ctx() ctx: Context) {
    requireRole(ctx, 'datasets');
    return removeDataset(ctx.executor, checkDatasetName(name, 'name'));
  }
}

@Resolver(() => ChainNode)
export class ChainNodeDatasetsResolver {
  @FieldResolver(() => [String], { description: 'The data sets that wrote this node, oldest first.' })
  datasets(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.datasets.load(node.id);
  }
}
