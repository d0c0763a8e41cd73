import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeKindEnum, WalkDirection } from '../common/enums.js';
import { ChainNode } from '../node/chain-node.type.js';
import { EdgeType } from '../node/edge.type.js';

@ObjectType('DependencyNode', { description: 'A node reached by a walk, with its distance from the root in hops.' })
export class DependencyNodeType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKindEnum;
  @Field(() => String) name!: string;
  @Field(() => String) nameFa!: string;
  @Field(() => Int, { description: 'Fewest chain edges between the root and this node (root: 0).' }) depth!: number;
  @Field(() => ChainNode) node!: ChainNode;
}

@ObjectType('DependencyGraph', { description: 'The chain around a node: what it depends on (upstream) or what depends on it (downstream).' })
export class DependencyGraphType {
  @Field(() => ChainNode) root!: ChainNode;
  @Field(() => WalkDirection) direction!: WalkDirection;
  @Field(() => Int) maxDepth!: number;
  @Field(() => [DependencyNodeType], { description: 'Root first, then by depth and name.' }) nodes!: DependencyNodeType[];
  @Field(() => [EdgeType], { description: 'Chain edges walked, all pointing the way material flows.' }) edges!: EdgeType[];
  @Field(() => Boolean, { description: 'True when maxNodes cut the walk short: nearer nodes are kept first.' }) truncated!: boolean;
  @Field(() => Boolean, { description: 'True when nodes lie beyond maxDepth: the answer is not the whole chain, and a deeper walk would find more. Independent of truncated (maxNodes).' })
  depthLimited!: boolean;
  @Field(() => Int, { description: 'How many nodes lie at depth maxDepth + 1, the nearest depth left out (0 when depthLimited is false).' })
  nodesAtNextDepth!: number;
  @Field(() => Int, { description: 'How many nodes lie beyond maxDepth in all: what a walk without a depth limit would add.' })
  nodesBeyondDepth!: number;
  @Field(() => Int, { description: 'The version of the graph this answer was computed on; it rises with every write (an import, a reset, a rollback).' })
  graphVersion!: number;
}
