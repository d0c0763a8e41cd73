// An edge with its properties, and a Link: an edge seen from one end, with the node at the other.

import { Field, Float, ID, ObjectType } from 'type-graphql';
import { EdgeTypeEnum } from '../common/enums.js';
import { ChainNode } from './chain-node.type.js';

@ObjectType('Edge', { description: 'A relationship and its properties. Which properties are set depends on the type (see DOMAIN.md).' })
export class EdgeType {
  @Field(() => EdgeTypeEnum) type!: EdgeTypeEnum;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float, { nullable: true, description: 'Share of the target item supplied through this edge (0..1); OWNS: the share held (absent: wholly owned).' }) share?: number;
  @Field(() => String, { nullable: true, description: 'The year, month or day its figures describe; null when undated.' }) asOf?: string;
  @Field(() => Float, { nullable: true, description: 'EXTRACTS/PRODUCES: tonnes (units) per year. LOCALIZES: the units a year the project adds.' }) capacityTpy?: number;
  @Field(() => Float, { nullable: true, description: 'LOCALIZES: import share of the inputs the project’s home production needs (0..1), used when the item has no modelled home recipe.' }) inputImportShare?: number;
  @Field(() => Float, { nullable: true, description: 'SUPPLIES: units per year.' }) volumePerYear?: number;
  @Field(() => String, { nullable: true, description: "SUPPLIES: where the goods come from, overriding the supplier's country." }) originCountry?: string;
  @Field(() => Float, { nullable: true, description: 'FEEDS: units of input per unit of output.' }) quantityPerUnit?: number;
  @Field(() => Float, { nullable: true, description: 'COMPONENT_OF: units per unit of the assembly.' }) quantity?: number;
  @Field(() => Float, { nullable: true, description: "FEEDS/COMPONENT_OF: the input's share of the output's value." }) valueShare?: number;
  @Field(() => ID, { nullable: true, description: 'FEEDS: which of the plant’s outputs this input is for; null means all.' }) output?: string;
  @Field(() => String, { nullable: true, description: 'CITES: the supporting words.' }) quote?: string;
  @Field(() => Boolean, { nullable: true }) estimate?: boolean;
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => [ID], { nullable: true, description: 'Ids of Source nodes supporting this edge.' }) sources?: string[];
}

@ObjectType('Link', { description: 'An edge seen from one of its ends: the edge, and the node at the other end.' })
export class LinkType {
  @Field(() => EdgeType) edge!: EdgeType;
  @Field(() => ChainNode) node!: ChainNode;
}
