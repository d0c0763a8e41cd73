// Relay cursor connections for nodes(...), and the filter and order inputs.

import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { NodeOrderField, SortDirection, StageEnum } from '../common/enums.js';
import { ChainNode } from './chain-node.type.js';

@InputType('NodeFilter', { description: 'All given conditions must hold.' })
export class NodeFilterInput {
  @Field(() => String, { nullable: true, description: 'ISO alpha-2; nodes without a country are in the home country.' }) country?: string;
  @Field(() => String, { nullable: true }) province?: string;
  @Field(() => StageEnum, { nullable: true }) stage?: StageEnum;
  @Field(() => String, { nullable: true, description: 'A SiteStatus (mines, plants) or ProjectStatus value.' }) status?: string;
  @Field(() => String, { nullable: true, description: 'Part of a name or alias, English or Persian, matched after Persian normalisation.' }) nameContains?: string;
  @Field(() => String, { nullable: true, description: 'Only nodes this data set wrote (see `datasets`).' }) dataset?: string;
}

@InputType('NodeOrder')
export class NodeOrderInput {
  @Field(() => NodeOrderField, { defaultValue: NodeOrderField.NAME }) field!: NodeOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
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
  @Field(() => Float, { description: 'Higher is better: whole-name matches first, then full-text relevance.' }) score!: number;
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
