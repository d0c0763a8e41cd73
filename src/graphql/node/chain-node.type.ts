// The ChainNode interface and one object type per node kind. Resolvers return the model's plain
// NodeRecords; `kind` picks the object type. Neighbour fields live in node-links.resolver.ts.

import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { NodeRecord } from '../../model/records.js';
import { NodeKindEnum, OrganizationTypeEnum, ProjectStatusEnum, SiteStatusEnum, StageEnum } from '../common/enums.js';

@InterfaceType('ChainNode', {
  description: 'Any node of the graph. Ids are unique across kinds and readable, like mine:sungun.',
  resolveType: (value: NodeRecord) => value.kind,
})
export abstract class ChainNode {
  @Field(() => ID)
  id!: string;

  @Field(() => NodeKindEnum)
  kind!: NodeKindEnum;

  @Field(() => String, { description: 'English name.' })
  name!: string;

  @Field(() => String, { description: 'Persian name.' })
  nameFa!: string;

  @Field(() => [String], { description: 'Other names in any language, used by search and entity linking.' })
  aliases!: string[];

  @Field(() => Boolean, { description: "True when this record's figures are estimates rather than sourced." })
  estimate!: boolean;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => String, { nullable: true, description: 'The year, month or day its figures describe (2019, 2019-03, 2019-03-20); null when undated.' })
  asOf?: string;

  @Field(() => Boolean, { description: 'True when the node stands for many firms or sites (a group), not one.' })
  group!: boolean;

  @Field(() => Int, { nullable: true, description: 'For a group: how many firms or sites it stands for, when known.' })
  memberCount?: number;
}

@ObjectType('Sanction', { description: 'A sanctions listing.' })
export class SanctionType {
  @Field(() => String, { description: 'Who listed it: US-OFAC, EU, UN, UK, …' }) regime!: string;
  @Field(() => String, { nullable: true, description: 'When it was listed (year, month or ISO date).' }) listedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The Source that states it.' }) source!: string | null;
}

@ObjectType('Mine', { implements: ChainNode, description: 'A deposit being worked.' })
export class MineType extends ChainNode {
  @Field(() => String, { nullable: true }) commodity?: string;
  @Field(() => String, { nullable: true }) province?: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; null means the home country.' }) country?: string;
  @Field(() => Float, { nullable: true, description: 'Tonnes per year.' }) capacityTpy?: number;
  @Field(() => Float, { nullable: true, description: 'Reserves in million tonnes.' }) reservesMt?: number;
  @Field(() => SiteStatusEnum, { nullable: true }) status?: SiteStatusEnum;
}

@ObjectType('Product', { implements: ChainNode, description: 'A traded good at any stage: ore, concentrate, pellet, coil, cathode, a finished car.' })
export class ProductType extends ChainNode {
  @Field(() => StageEnum, { nullable: true }) stage?: StageEnum;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => Float, { nullable: true }) unitValueUsd?: number;
  @Field(() => String, { nullable: true }) hsCode?: string;
  @Field(() => Float, { nullable: true, description: 'Units a year consumed outside the modelled chain.' }) finalDemand?: number;
}

@ObjectType('Plant', { implements: ChainNode, description: 'A facility that turns inputs into outputs.' })
export class PlantType extends ChainNode {
  @Field(() => String, { nullable: true }) operator?: string;
  @Field(() => String, { nullable: true }) province?: string;
  @Field(() => String, { nullable: true }) country?: string;
  @Field(() => SiteStatusEnum, { nullable: true }) status?: SiteStatusEnum;
}

@ObjectType('Part', { implements: ChainNode, description: 'A component that goes into an assembly: auto parts, electrodes, rolls, chips.' })
export class PartType extends ChainNode {
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => Float, { nullable: true }) unitValueUsd?: number;
  @Field(() => String, { nullable: true }) hsCode?: string;
  @Field(() => Float, { nullable: true }) finalDemand?: number;
}

@ObjectType('Supplier', { implements: ChainNode, description: 'A firm that delivers an item to the home market.' })
export class SupplierType extends ChainNode {
  @Field(() => String, { nullable: true }) country?: string;
  @Field(() => String, { nullable: true }) province?: string;
  @Field(() => Boolean, { nullable: true, description: 'A registered knowledge-based (دانش‌بنیان) firm.' }) knowledgeBased?: boolean;
  @Field(() => [SanctionType], { description: 'Sanctions listing the supplier itself (see also its organisation).' }) sanctions!: SanctionType[];
  @Field(() => [String], { description: 'Other risk flags, free codes like SANCTIONS_ADVISORY.' }) riskFlags!: string[];
}

@ObjectType('Project', { implements: ChainNode, description: 'A localization project: an effort to make an item at home.' })
export class ProjectType extends ChainNode {
  @Field(() => String, { nullable: true }) owner?: string;
  @Field(() => Float, { nullable: true, description: '0..1' }) progress?: number;
  @Field(() => ProjectStatusEnum, { nullable: true }) status?: ProjectStatusEnum;
  @Field(() => Float, { nullable: true, description: 'USD.' }) budget?: number;
  @Field(() => Float, { nullable: true, description: 'Jobs created when it is finished (the optimal plan’s jobs floor).' }) jobs?: number;
  @Field(() => String, { nullable: true, description: 'ISO date.' }) startedAt?: string;
  @Field(() => String, { nullable: true, description: 'When it is expected to finish: a year, month or date.' }) expectedCompletion?: string;
}

@ObjectType('Source', { implements: ChainNode, description: 'Where a fact comes from: a news article, a report, a dataset.' })
export class SourceType extends ChainNode {
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) publisher?: string;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => String, { nullable: true, description: 'ISO date.' }) publishedAt?: string;
  @Field(() => String, { nullable: true }) lang?: string;
  @Field(() => String, { nullable: true, description: 'Full text, when stored.' }) text?: string;
}

@ObjectType('Organization', { implements: ChainNode, description: 'A company, state holding, association or university: who operates, owns, supplies and runs things.' })
export class OrganizationType extends ChainNode {
  @Field(() => OrganizationTypeEnum, { nullable: true }) type?: OrganizationTypeEnum;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; null means the home country.' }) country?: string;
  @Field(() => String, { nullable: true }) province?: string;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => [SanctionType], { description: 'Sanctions listing the organisation.' }) sanctions!: SanctionType[];
  @Field(() => [String], { description: 'Other risk flags, free codes like STATE_OWNED.' }) riskFlags!: string[];
}

export const NODE_TYPES = [MineType, ProductType, PlantType, PartType, SupplierType, ProjectType, SourceType, OrganizationType] as const;
