// Neighbour fields. Each one is a single loader call, so any depth of nesting costs one batched
// query per field and level, never one per parent.

import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Float, Info, Resolver, Root } from 'type-graphql';
import { sanctionsOf } from '../../model/records.js';
import type { Context } from '../../context.js';
import type { NodeRecord } from '../../model/records.js';
import { linkedId, type LinkAnswer } from '../../services/loaders.js';
import { isSourceEdgeType } from '../../model/kinds.js';
import { ChainNode, MineType, OrganizationType, PartType, PlantType, ProductType, ProjectType, SanctionType, SourceType, SupplierType } from './chain-node.type.js';
import { LinkType } from './edge.type.js';

const linkList = () => [LinkType];

@Resolver(() => ChainNode)
export class ChainNodeFieldsResolver {
  @FieldResolver(() => [String])
  aliases(@Root() node: NodeRecord) {
    return Array.isArray(node.aliases) ? node.aliases : [];
  }

  @FieldResolver(() => Boolean)
  estimate(@Root() node: NodeRecord) {
    return node.estimate === true;
  }

  @FieldResolver(linkList, { description: 'CITES edges from this node to Source nodes, with their quotes.' })
  citations(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.citations.load(node.id);
  }

  @FieldResolver(() => [SourceType], { description: 'Sources that support this node: its `sources` list and its CITES edges.' })
  async sources(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    const listed = Array.isArray(node.sources) ? node.sources : [];
    const [cited, byId] = await Promise.all([
      ctx.loaders.citations.load(node.id).then((links) => Promise.all(links.map((l) => ('ref' in l ? ctx.loaders.node.load(l.ref.id) : l.node)))),
      ctx.loaders.node.loadMany(listed),
    ]);
    const seen = new Map<string, NodeRecord>();
    for (const s of byId) if (s && !(s instanceof Error)) seen.set(s.id, s);
    for (const source of cited) if (source) seen.set(source.id, source);
    return [...seen.values()];
  }

  @FieldResolver(linkList, { description: 'Sources whose text names this node (MENTIONS, found by entity linking).' })
  mentionedIn(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.mentionedIn.load(node.id);
  }

  @FieldResolver(() => Boolean)
  group(@Root() node: NodeRecord) {
    return node.group === true;
  }

  @FieldResolver(linkList, { description: 'For a group: the member nodes modelled on their own (MEMBER_OF).' })
  members(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.members.load(node.id);
  }

  @FieldResolver(linkList, { description: 'The groups this node is one member of (MEMBER_OF).' })
  memberOf(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.memberOf.load(node.id);
  }
}

@Resolver(() => LinkType)
export class LinkFieldsResolver {
  @FieldResolver(() => ChainNode)
  node(@Root() link: LinkAnswer, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // From the engine: the record is read (batched with the query's others) only if a field of it is asked for.
    return ctx.loaders.linkedNode(link, info);
  }

  @FieldResolver(() => String, { nullable: true, description: 'For a supply edge (EXTRACTS, PRODUCES, SUPPLIES): the country the goods come from.' })
  async origin(@Root() link: LinkAnswer, @Ctx() ctx: Context) {
    return (await supplySource(link, ctx))?.country ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'For a supply edge: whether the goods come from abroad (DOMAIN.md: a foreign source).' })
  async foreign(@Root() link: LinkAnswer, @Ctx() ctx: Context) {
    return (await supplySource(link, ctx))?.foreign ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'For a supply edge: its weight among all the sources of the item it supplies (DOMAIN.md: share, else capacity or volume, else equal), 0..1.',
  })
  async weight(@Root() link: LinkAnswer, @Ctx() ctx: Context) {
    const weight = (await supplySource(link, ctx))?.weight;
    return weight === undefined || Number.isNaN(weight) ? null : weight;
  }
}

/** What the supply model says of a supply edge (weight, origin, foreign); undefined for other edges. */
async function supplySource(link: LinkAnswer, ctx: Context) {
  if (!isSourceEdgeType(link.edge.type)) return undefined;
  const supply = await ctx.loaders.supply.load(link.edge.to);
  return supply?.sources.get(`${link.edge.type}\u0000${link.edge.from}`);
}

/** Fields shared by Product and Part: both are items. */
function itemResolver(target: typeof ProductType | typeof PartType) {
  @Resolver(() => target)
  class ItemLinksResolver {
    @FieldResolver(linkList, { description: 'Where the item comes from: mines (EXTRACTS), plants (PRODUCES) and suppliers (SUPPLIES).' })
    suppliers(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.suppliers.load(node.id);
    }

    @FieldResolver(() => Float, {
      nullable: true,
      description: 'm: the share of the item supplied directly from abroad (DOMAIN.md), from its source edges. 0 for an item assembled at home from its bill of materials; null for an origin (no source and no bill of materials modelled).',
    })
    async directImportShare(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      const supply = await ctx.loaders.supply.load(node.id);
      return !supply || supply.origin ? null : supply.directImportShare;
    }

    @FieldResolver(linkList, { description: 'Plants that consume the item (FEEDS).' })
    consumers(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.consumers.load(node.id);
    }

    @FieldResolver(linkList, { description: 'Its bill of materials: items that go into one unit of it (COMPONENT_OF).' })
    components(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.components.load(node.id);
    }

    @FieldResolver(linkList, { description: 'Assemblies it goes into (COMPONENT_OF).' })
    usedIn(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.usedIn.load(node.id);
    }

    @FieldResolver(linkList, { description: 'Localization projects that aim to make it at home (LOCALIZES).' })
    localizedBy(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.localizedBy.load(node.id);
    }
  }
  return ItemLinksResolver;
}

export const ProductLinksResolver = itemResolver(ProductType);
export const PartLinksResolver = itemResolver(PartType);

@Resolver(() => PlantType)
export class PlantLinksResolver {
  @FieldResolver(linkList, { description: 'Items the plant consumes (FEEDS), with quantities per unit of output.' })
  inputs(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.inputs.load(node.id);
  }

  @FieldResolver(linkList, { description: 'Items the plant makes (PRODUCES), with capacities.' })
  outputs(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.outputs.load(node.id);
  }
}

@Resolver(() => MineType)
export class MineLinksResolver {
  @FieldResolver(linkList, { description: 'Items the mine yields (EXTRACTS).' })
  outputs(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.outputs.load(node.id);
  }
}

@Resolver(() => SupplierType)
export class SupplierLinksResolver {
  @FieldResolver(linkList, { description: 'Items the supplier delivers (SUPPLIES).' })
  supplies(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.outputs.load(node.id);
  }

  @FieldResolver(linkList, { description: 'The known firm this supplier is (IS).' })
  organization(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(node.id);
  }

  @FieldResolver(() => [SanctionType])
  sanctions(@Root() node: NodeRecord) {
    return sanctionsOf(node);
  }

  @FieldResolver(() => [String])
  riskFlags(@Root() node: NodeRecord) {
    return Array.isArray(node.riskFlags) ? node.riskFlags : [];
  }
}

@Resolver(() => ProjectType)
export class ProjectLinksResolver {
  @FieldResolver(linkList, { description: 'Items the project localizes (LOCALIZES).' })
  localizes(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.localizes.load(node.id);
  }

  @FieldResolver(linkList, { description: 'Organisations that run the project (RUNS).' })
  runBy(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.runBy.load(node.id);
  }
}

/** Who operates and owns a site. */
function siteResolver(target: typeof MineType | typeof PlantType) {
  @Resolver(() => target)
  class SiteOwnersResolver {
    @FieldResolver(linkList, { description: 'Organisations that operate the site (OPERATES).' })
    operatedBy(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.operatedBy.load(node.id);
    }

    @FieldResolver(linkList, { description: 'Direct owners of the site, with their shares (OWNS). Query `holders` for owners through chains.' })
    ownedBy(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return ctx.loaders.ownedBy.load(node.id);
    }
  }
  return SiteOwnersResolver;
}

export const MineOwnersResolver = siteResolver(MineType);
export const PlantOwnersResolver = siteResolver(PlantType);

@Resolver(() => OrganizationType)
export class OrganizationLinksResolver {
  @FieldResolver(linkList, { description: 'Mines and plants it operates (OPERATES). Query `holdings` for what it holds through chains.' })
  operates(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.operates.load(node.id);
  }

  @FieldResolver(linkList, { description: 'What it holds directly, with shares (OWNS).' })
  owns(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.owns.load(node.id);
  }

  @FieldResolver(linkList, { description: 'Its direct owners, with their shares (OWNS).' })
  ownedBy(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.ownedBy.load(node.id);
  }

  @FieldResolver(linkList, { description: 'Supplier nodes that are this firm (IS).' })
  supplierIdentities(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.supplierIdentities.load(node.id);
  }

  @FieldResolver(linkList, { description: 'What it supplies: the SUPPLIES edges of the supplier nodes that are this firm.' })
  async supplies(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    const identities = await ctx.loaders.supplierIdentities.load(node.id);
    const lists = await ctx.loaders.outputs.loadMany(identities.map(linkedId));
    return lists.flatMap((l) => (l instanceof Error ? [] : l.filter((link) => link.edge.type === 'SUPPLIES')));
  }

  @FieldResolver(linkList, { description: 'Projects it runs (RUNS).' })
  runs(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.runs.load(node.id);
  }

  @FieldResolver(() => [SanctionType])
  sanctions(@Root() node: NodeRecord) {
    return sanctionsOf(node);
  }

  @FieldResolver(() => [String])
  riskFlags(@Root() node: NodeRecord) {
    return Array.isArray(node.riskFlags) ? node.riskFlags : [];
  }
}

@Resolver(() => SourceType)
export class SourceLinksResolver {
  @FieldResolver(linkList, { description: 'Nodes this source names (MENTIONS, found by entity linking).' })
  mentions(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.mentions.load(node.id);
  }

  @FieldResolver(linkList, { description: 'Nodes and facts that cite this source (CITES).' })
  citedBy(@Root() node: NodeRecord, @Ctx() ctx: Context) {
    return ctx.loaders.citedBy.load(node.id);
  }
}
