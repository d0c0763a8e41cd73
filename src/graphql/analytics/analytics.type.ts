// GraphQL shapes of the localization analytics (DOMAIN.md: import reliance, disruption,
// chain balance, parallel work). Every number is a fraction 0..1 unless it is a quantity.

import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { FlowNodeRoleEnum } from '../common/enums.js';
import { ChainNode, ProjectType } from '../node/chain-node.type.js';
import { FigureDatesType } from '../organization/organization.type.js';

@ObjectType('Assumption', { description: 'A fallback the computation used because data was missing (DOMAIN.md: shares, recipes, value coefficients).' })
export class AssumptionType {
  @Field(() => String, { description: 'EQUAL_WEIGHTS, CAPACITY_WEIGHTS, QUANTITY_VALUE_COEFFICIENT, EQUAL_COEFFICIENT, SCALED_RECIPE, IMPLICIT_ASSEMBLY, ORIGIN, …' }) code!: string;
  @Field(() => ID) nodeId!: string;
  @Field(() => String) message!: string;
}

@ObjectType('Contribution', { description: 'Where imports enter: item k contributes L[X,k]·m_k to the total import content of X.' })
export class ContributionType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float) share!: number;
}

@ObjectType('ImportContent')
export class ImportContentType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { description: 'm: the share of the item supplied directly from abroad.' }) directImportShare!: number;
  @Field(() => Float, { description: 't: imports embodied in its value through every tier (t = m + B t).' }) totalImportContent!: number;
  @Field(() => Float, { description: '1 − t: the depth of local manufacturing.' }) domesticContent!: number;
  @Field(() => [ContributionType], { description: 'Largest first; they sum to totalImportContent.' }) contributions!: ContributionType[];
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
  @Field(() => [ChainNode], { description: 'Origins upstream: items with no modelled source, counted as home-made.' }) unmodeled!: ChainNode[];
  @Field(() => Boolean, { description: 'False when the iteration did not reach 1e-9 (a cycle that feeds itself fully).' }) converged!: boolean;
  @Field(() => Int) iterations!: number;
  @Field(() => FigureDatesType, { description: 'How old the figures of the upstream it was worked out on are.' }) figures!: FigureDatesType;
  @Field(() => Int, { nullable: true, description: 'The graph version the answer was computed on (it rises with every write); null when computed straight from the database.' }) graphVersion!: number | null;
}

@ObjectType('ForeignSupplier')
export class ForeignSupplierType {
  @Field(() => ChainNode) supplier!: ChainNode;
  @Field(() => String, { description: 'Origin country: the edge’s originCountry, else the supplier’s country.' }) country!: string;
  @Field(() => Float, { description: 'Its weight among the item’s sources.' }) weight!: number;
}

@ObjectType('ImportReliantLink', { description: 'An item upstream of X whose direct import share is at least the threshold, or whose only sources are foreign.' })
export class ImportReliantLinkType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float) directImportShare!: number;
  @Field(() => Boolean, { description: 'Every source of the item is foreign.' }) onlyForeign!: boolean;
  @Field(() => [ForeignSupplierType]) foreignSuppliers!: ForeignSupplierType[];
  @Field(() => [String], { description: 'Distinct origin countries, sorted.' }) countries!: string[];
  @Field(() => [ChainNode], { description: 'The shortest chain path from the item to X, both included.' }) path!: ChainNode[];
  @Field(() => Float, { description: "The item's contribution to X's total import content." }) contribution!: number;
  @Field(() => Int, { nullable: true, description: 'The graph version the answer was computed on (it rises with every write); null when computed straight from the database.' }) graphVersion!: number | null;
}

@InputType('DisruptionInput', { description: 'What is removed: named nodes, whole countries, and/or every import.' })
export class DisruptionInput {
  @Field(() => [ID], { nullable: true }) nodeIds?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO alpha-2 codes: every mine, plant and supplier there, and every delivery from there.' }) countries?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Remove every foreign source edge.' }) allImports?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Remove every sanctioned source: a mine, plant or supplier listed itself, or that is, is operated by, or is 50 % or more owned by a blocked organisation (listed, or 50 % or more owned by blocked ones).' }) sanctioned?: boolean;
  @Field(() => [String], { nullable: true, description: 'With sanctioned: only listings under these regimes (US-OFAC, EU, UN, UK, …; case-insensitive).' }) sanctionRegimes?: string[];
}

@ObjectType('SanctionedSource', { description: 'A source the sanctioned scenario removes, and why.' })
export class SanctionedSourceType {
  @Field(() => ChainNode) node!: ChainNode;
  @Field(() => String, { description: '"listed" (the node itself), or the id of the blocked organisation behind it.' }) reason!: string;
}

@ObjectType('Loss')
export class LossType {
  @Field(() => ID, { description: 'The item’s id: all a dashboard needs to colour a picture it already has, without reading the item.' }) itemId!: string;
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { description: 'Fraction of supply lost, 0..1.' }) loss!: number;
  @Field(() => Float, { nullable: true, description: 'The item’s demand a year, from Chain balance (its consumers’ needs plus its final demand), in its unit; null when none is recorded.' }) demand!: number | null;
  @Field(() => Float, { nullable: true, description: 'loss × demand: units a year no longer supplied; null without a recorded demand.' }) lostUnits!: number | null;
  @Field(() => Float, { nullable: true, description: 'lostUnits × unitValueUsd: what those units are worth a year; null without either.' }) lostValueUsd!: number | null;
}

@ObjectType('Disruption')
export class DisruptionType {
  @Field(() => [LossType], { description: 'Every item with a loss above 0, largest first.' }) losses!: LossType[];
  @Field(() => [LossType], { description: 'Finished goods among them.' }) finishedGoodsHit!: LossType[];
  @Field(() => [ChainNode], { description: 'Mines, plants and suppliers the scenario removed (named, in a removed country, or sanctioned).' }) removedSources!: ChainNode[];
  @Field(() => [ChainNode], { description: 'Those of them that are groups: each stands for many firms or sites, so removing it whole is the worst case.' }) removedGroups!: ChainNode[];
  @Field(() => [SanctionedSourceType], { description: 'With sanctioned: what it removed and why.' }) sanctioned!: SanctionedSourceType[];
  @Field(() => FigureDatesType, { description: 'How old the figures of the graph it was worked out on are.' }) figures!: FigureDatesType;
  @Field(() => Boolean) converged!: boolean;
  @Field(() => Int, { nullable: true, description: 'The graph version the answer was computed on (it rises with every write); null when computed straight from the database.' }) graphVersion!: number | null;
}

@ObjectType('Chokepoint')
export class ChokepointType {
  @Field(() => ChainNode) node!: ChainNode;
  @Field(() => Float, { description: 'Loss at X if this node alone is removed.' }) impact!: number;
  @Field(() => Boolean, { description: 'The node stands for many firms or sites: stopping all of them at once is the worst case, not a single point of failure.' }) group!: boolean;
  @Field(() => Int, { nullable: true, description: 'For a group: how many it stands for, when known.' }) memberCount!: number | null;
  @Field(() => Int, { nullable: true, description: 'The graph version the answer was computed on (it rises with every write); null when computed straight from the database.' }) graphVersion!: number | null;
}

@ObjectType('BalanceRow', { description: 'Home capacity against demand: a negative balance is the gap imports or new capacity must fill.' })
export class BalanceRowType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float) homeCapacity!: number;
  @Field(() => Float) imports!: number;
  @Field(() => Float) demand!: number;
  @Field(() => Float) balance!: number;
  @Field(() => [String], { description: 'Figures the row needed and did not find, each counted as 0.' }) missing!: string[];
}

@ObjectType('ParallelProject')
export class ParallelProjectType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => String, { nullable: true }) owner?: string;
  @Field(() => Float, { nullable: true }) progress?: number;
  @Field(() => String, { nullable: true }) status?: string;
}

@ObjectType('ParallelWork', { description: 'An item localized by two or more active or planned projects of different owners.' })
export class ParallelWorkType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => [ParallelProjectType]) projects!: ParallelProjectType[];
  @Field(() => Int) ownerCount!: number;
}

@ObjectType('FlowMember', { description: 'A node gathered into an "other" node of a Sankey because it carries less than minShare of the value.' })
export class FlowMemberType {
  @Field(() => String, { description: 'Its key, as it would be drawn.' }) key!: string;
  @Field(() => ChainNode, { nullable: true }) node!: ChainNode | null;
  @Field(() => String) name!: string;
  @Field(() => String) nameFa!: string;
  @Field(() => Float, { description: 'What it passes on through the group (the imported part for OTHER_IMPORTS, the home-made part for OTHER_HOME).' }) value!: number;
  @Field(() => Float, { description: 'Its own value: under minShare × total, which is why it was gathered.' }) nodeValue!: number;
}

@ObjectType('FlowNode', { description: 'A node of a value-flow Sankey.' })
export class FlowNodeType {
  @Field(() => String, { description: 'Unique in the answer, what links name: the node id; `site|item` for a site drawn once per item; `other:imports|<target>`, `other:home|<target>`, `added:<item>`.' }) key!: string;
  @Field(() => FlowNodeRoleEnum) role!: FlowNodeRoleEnum;
  @Field(() => ChainNode, { nullable: true, description: 'The graph node, for role NODE.' }) node!: ChainNode | null;
  @Field(() => String, { description: 'The node’s name, or a label for the synthetic roles.' }) name!: string;
  @Field(() => String) nameFa!: string;
  @Field(() => Boolean, { description: 'A source abroad: imports end here.' }) foreign!: boolean;
  @Field(() => Float, { description: 'Share of the value through this node that is imported, 0..1.' }) importShare!: number;
  @Field(() => Float, { description: 'Value through the node, in USD per unit of the item (in shares of 1 when its unit value is unknown).' }) value!: number;
  @Field(() => Float, { description: 'What flows out beyond what flows in: the value added here.' }) valueAdded!: number;
  @Field(() => Int, { description: 'For OTHER_* roles: how many nodes they gather.' }) count!: number;
  @Field(() => [FlowMemberType], { description: 'For OTHER_* roles: the nodes they gather, largest part first (empty for the other roles).' }) members!: FlowMemberType[];
}

@ObjectType('FlowLink', { description: 'Value flowing from one Sankey node into another.' })
export class FlowLinkType {
  @Field(() => String, { description: 'The key of the node the value comes from.' }) source!: string;
  @Field(() => String, { description: 'The key of the node it flows into.' }) target!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: 'Share of this value imported somewhere upstream, 0..1.' }) importShare!: number;
}

@ObjectType('ValueFlows', { description: 'Where the value of one unit of an item comes from, tier by tier, as Sankey nodes and links: the same supply model as importContent.' })
export class ValueFlowsType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { nullable: true, description: 'The item’s unit value; null when unknown (values are then shares of 1).' }) unitValueUsd!: number | null;
  @Field(() => Float, { description: 'The value drawn: unitValueUsd, or 1.' }) total!: number;
  @Field(() => Float, { description: 'The imported part of total: totalImportContent × total.' }) imported!: number;
  @Field(() => Float, { description: 'imported / total: the item’s totalImportContent.' }) importedShare!: number;
  @Field(() => [FlowNodeType]) nodes!: FlowNodeType[];
  @Field(() => [FlowLinkType], { description: 'Acyclic. On a chain without loops the links into the item carry exactly `imported`; where a loop was cut they carry a little less.' }) links!: FlowLinkType[];
  @Field(() => Int, { description: 'Recycling loops cut to keep the picture acyclic.' }) cutLoops!: number;
  @Field(() => Int, { description: 'Nodes under minShare, gathered into OTHER_* nodes.' }) merged!: number;
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
  @Field(() => Boolean, { description: 'False when the import-content iteration did not reach 1e-9 (a cycle that feeds itself fully).' }) converged!: boolean;
  @Field(() => FigureDatesType, { description: 'How old the figures it was worked out on are.' }) figures!: FigureDatesType;
  @Field(() => Int, { nullable: true, description: 'The graph version the answer was computed on (it rises with every write); null when computed straight from the database.' }) graphVersion!: number | null;
}
