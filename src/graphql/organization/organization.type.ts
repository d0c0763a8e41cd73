// GraphQL shapes of the organisation answers: holdings through ownership chains, the
// organisations behind a walk, organisation chokepoints, and stale figures.

import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ChainNode, OrganizationType, SupplierType } from '../node/chain-node.type.js';
import { EdgeType } from '../node/edge.type.js';

@ObjectType('Holding', { description: 'Something an organisation holds, directly or through a chain of holdings.' })
export class HoldingType {
  @Field(() => ChainNode, { description: 'An Organization, Mine or Plant.' }) node!: ChainNode;
  @Field(() => Float, { description: 'Σ over the ownership chains leading to it of the product of the shares along each chain (each chain counted once; none goes round a cycle). OWNS without a share (a subsidiary whose share is not given) counts as 1 and makes it inexact.' }) effectiveShare!: number;
  @Field(() => Int, { description: 'Fewest OWNS hops from the organisation.' }) depth!: number;
  @Field(() => Int, { description: 'How many distinct chains lead to it.' }) paths!: number;
  @Field(() => [ChainNode], { description: 'The chain with the largest product, the organisation first.' }) via!: ChainNode[];
  @Field(() => Boolean, { description: 'Held by a chain of majorities (every share above 0.5): the organisation controls it.' }) controlled!: boolean;
  @Field(() => Boolean, { description: 'Every OWNS edge on every chain gives its share; false when a subsidiary without a stated share was counted as 1.' }) exact!: boolean;
}

@ObjectType('HeldSite', { description: 'A mine or plant operated by the organisation or one of its holdings.' })
export class HeldSiteType {
  @Field(() => ChainNode) node!: ChainNode;
  @Field(() => OrganizationType, { description: 'Who operates it.' }) operator!: OrganizationType;
  @Field(() => Float, { description: 'The organisation’s effective share in the operator (1 when it operates the site itself).' }) effectiveShare!: number;
  @Field(() => Boolean) controlled!: boolean;
}

@ObjectType('HeldSupplier', { description: 'A supplier node that is the organisation or one of its holdings (IS).' })
export class HeldSupplierType {
  @Field(() => SupplierType) node!: SupplierType;
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => Float) effectiveShare!: number;
  @Field(() => Boolean) controlled!: boolean;
}

@ObjectType('Holdings', { description: 'What an organisation holds through ownership chains, what it and its holdings operate, and which suppliers they are.' })
export class HoldingsType {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => [HoldingType], { description: 'Largest effective share first.' }) holdings!: HoldingType[];
  @Field(() => [HeldSiteType]) sites!: HeldSiteType[];
  @Field(() => [HeldSupplierType]) suppliers!: HeldSupplierType[];
  @Field(() => Boolean, { description: 'Some chain led back to a node already on it (a cross-holding); it was not followed round.' }) cyclic!: boolean;
  @Field(() => Boolean, { description: 'The chain budget ran out: shares are lower bounds.' }) truncated!: boolean;
}

@ObjectType('Backer', { description: 'An organisation behind some of the nodes of an answer: it operates, owns or is them, or controls a company that does.' })
export class BackerType {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => [ChainNode]) nodes!: ChainNode[];
  @Field(() => Boolean, { description: 'It operates, owns or is one of them itself, not only through companies it controls.' }) direct!: boolean;
}

@ObjectType('OrganizationChokepoint', { description: 'An organisation whose sites and supplier identities, removed together, cost the item at least minImpact.' })
export class OrganizationChokepointType {
  @Field(() => OrganizationType) organization!: OrganizationType;
  @Field(() => Float, { description: 'Loss at the item if everything the organisation reaches stops.' }) impact!: number;
  @Field(() => [ChainNode], { description: 'What it reaches in the item’s upstream: sites it or companies it controls operate or hold a majority of, suppliers that are them.' }) nodes!: ChainNode[];
  @Field(() => [ChainNode], { description: 'Those of them that stand for many firms or sites.' }) groups!: ChainNode[];
}

@ObjectType('FigureDates', { description: 'How old the figures an answer used are.' })
export class FigureDatesType {
  @Field(() => String, { nullable: true, description: 'The oldest asOf among the records with figures the answer was worked out on; null when none is dated.' }) oldestAsOf!: string | null;
  @Field(() => String, { nullable: true }) newestAsOf!: string | null;
  @Field(() => Int, { description: 'Records with figures and a date.' }) dated!: number;
  @Field(() => Int, { description: 'Records with figures and no date.' }) undated!: number;
}

@ObjectType('StaleFigure', { description: 'A node or edge whose figures are older than asked, or undated.' })
export class StaleFigureType {
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field(() => [String], { description: 'The figures it holds: capacityTpy, share, budget, …' }) figures!: string[];
  @Field(() => ChainNode, { nullable: true, description: 'The node, when it is a node.' }) node!: ChainNode | null;
  @Field(() => EdgeType, { nullable: true, description: 'The edge, when it is an edge.' }) edge!: EdgeType | null;
}

@ObjectType('StaleFigures')
export class StaleFiguresType {
  @Field(() => String, { description: 'Figures dated before this year are listed.' }) cutoff!: string;
  @Field(() => [StaleFigureType], { description: 'Oldest first, undated last.' }) records!: StaleFigureType[];
  @Field(() => Boolean, { description: 'More records than `first`.' }) truncated!: boolean;
}
