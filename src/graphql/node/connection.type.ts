// Relay cursor connections for nodes(...), and the filter and order inputs.

import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { Category, Sector } from '../../model/categories.js';
import { ItemCategoryEnum, NodeOrderField, NodeStatusEnum, SectorEnum, SortDirection, StageEnum } from '../common/enums.js';
import { ChainNode } from './chain-node.type.js';

@InputType('NodeFilter', { description: 'All given conditions must hold.' })
export class NodeFilterInput {
  @Field(() => String, { nullable: true, description: 'ISO alpha-2, in any case ("cn" is CN); nodes without a country are in the home country.' }) country?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Any spelling of the province, English or Persian («اصفهان», Esfahan and isfahan are Isfahan), matched after the same normalisation as names.',
  })
  province?: string;
  @Field(() => StageEnum, { nullable: true }) stage?: StageEnum;
  @Field(() => NodeStatusEnum, { nullable: true, description: 'A SiteStatus value (mines, plants) or a ProjectStatus value (projects).' }) status?: NodeStatusEnum;
  @Field(() => ItemCategoryEnum, { nullable: true, description: 'Products and parts of this category.' }) category?: Category;
  @Field(() => SectorEnum, { nullable: true, description: 'Products and parts of any category of this sector.' }) sector?: Sector;
  @Field(() => String, { nullable: true, description: 'Part of a name or alias, English or Persian, matched after Persian normalisation.' }) nameContains?: string;
  @Field(() => String, { nullable: true, description: 'Only nodes this data set wrote (see `datasets`).' }) dataset?: string;
}

@InputType('NodeOrder')
export class NodeOrderInput {
  @Field(() => NodeOrderField, { defaultValue: NodeOrderField.NAME }) field!: NodeOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Nodes without the value (a project without a budget) come last either way.' }) direction!: SortDirection;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Always false: pages only go forward.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('NodeEdge')
export class NodeEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => ChainNode) node!: ChainNode;
}

@ObjectType('NodeConnection')
export class NodeConnectionType {
  @Field(() => [NodeEdgeType]) edges!: NodeEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Nodes matching the filter, across all pages.' }) totalCount!: number;
}

@ObjectType('SearchHit')
export class SearchHitType {
  @Field(() => ChainNode) node!: ChainNode;
  @Field(() => Float, {
    description:
      'Higher is better: the whole name typed first (about 3.7), then a category named ("car"), then names holding every word typed, whole words above fragments, other spellings and typos after exact words; Sources count half.',
  })
  score!: number;
  @Field(() => String, { description: 'What matched: name, nameFa, "alias: …", "category: …", "HS 7601.10", "operator: …", id.' }) matched!: string;
}

@ObjectType('KindCount')
export class KindCountType {
  @Field(() => String) name!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('GraphInfo')
export class GraphInfoType {
  @Field(() => String, { description: 'ISO alpha-2 code of the home country of this data set.' }) homeCountry!: string;
  @Field(() => [KindCountType]) nodeCounts!: KindCountType[];
  @Field(() => [KindCountType]) edgeCounts!: KindCountType[];
  @Field(() => Int) maxDepth!: number;
  @Field(() => Int) maxNodes!: number;
}
