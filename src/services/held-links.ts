// Neighbour fields answered from the analytics engine's adjacency (it is current: the request read
// the graph's version once), and the node records a query names read in as few batched queries as
// the query allows. A link's node resolves to its record only when the query asks for a field the
// record holds; then a look-ahead walks the rest of the query from that node over the engine's
// adjacency and asks the node loader for every record the deeper levels will need too, in the same
// tick, so a query three levels deep costs one record read, not one per level. Selecting only
// ids and neighbour fields reads no record at all.

import type DataLoader from 'dataloader';
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import type { GraphSnapshot } from '../analytics/graph-snapshot.js';
import { engineHoldsTypes, linksOf, type HeldLink } from '../analytics/snapshot-links.js';
import type { NodeRecord } from '../model/records.js';
import { engineLinkFieldNames, ID_FIELDS, LINK_SPECS, type LinkLoaderName } from './link-fields.js';
import { collectSubfields } from './selection.js';

export type { HeldLink };

export class HeldLinks {
  private snap: GraphSnapshot | null = null;
  /** The lists this request has handed out, by loader and node: the look-ahead and the loaders share them. */
  private readonly lists = new Map<LinkLoaderName, Map<string, HeldLink[]>>();
  /** For each place in the response and node there, whether its record is needed (set by a look-ahead). */
  private readonly planned = new Map<string, boolean>();
  private readonly subfields = new WeakMap<readonly FieldNode[], Map<string, Map<string, readonly FieldNode[]>>>();

  constructor(
    private readonly engine: () => Promise<GraphSnapshot>,
    private readonly nodes: DataLoader<string, NodeRecord | null>,
  ) {}

  /** A loader's batch: the links of each id, from the engine. */
  async batch(name: LinkLoaderName, ids: readonly string[]): Promise<HeldLink[][]> {
    const snap = await this.engine();
    this.snap = snap;
    return ids.map((id) => this.listOf(snap, name, id));
  }

  /**
   * The node at the other end of a link, for the field `info` resolves: its record when the
   * query asks for one of its fields (read through the node loader, batched with the rest of the
   * query's records), else just what the engine knows (id and kind).
   */
  node(link: HeldLink, info: GraphQLResolveInfo): NodeRecord | Promise<NodeRecord> {
    const at = placeOf(info.path);
    const key = `${at}\u0000${link.ref.id}`;
    let needed = this.planned.get(key);
    if (needed === undefined) {
      const wanted: string[] = [];
      needed = this.plan(info, link.ref.kind, info.fieldNodes, link.ref.id, at, wanted);
      this.planned.set(key, needed);
      // Errors come back through each record's own load below.
      if (wanted.length > 0) void this.nodes.loadMany(wanted);
    }
    const stub: NodeRecord = { id: link.ref.id, kind: link.ref.kind, name: '', nameFa: '' };
    if (!needed) return stub;
    const snap = this.snap;
    return this.nodes.load(link.ref.id).then((record) => {
      if (record) return record;
      // Deleted since the engine's version was read: answer with what the engine held then.
      const v = snap?.index.get(link.ref.id);
      return v === undefined ? stub : snap!.nodeRecord(v);
    });
  }

  private listOf(snap: GraphSnapshot, name: LinkLoaderName, id: string): HeldLink[] {
    let byId = this.lists.get(name);
    if (!byId) this.lists.set(name, (byId = new Map()));
    let list = byId.get(id);
    if (!list) {
      const spec = LINK_SPECS[name];
      list = linksOf(snap, id, spec.direction, spec.types);
      byId.set(id, list);
    }
    return list;
  }

  /**
   * Whether the node `id` (of type `typeName`, selected by `fieldNodes` at response place `at`)
   * needs its record; pushes onto `wanted` every node below it, over the engine's links, whose
   * record the query will need.
   */
  private plan(info: GraphQLResolveInfo, typeName: string, fieldNodes: readonly FieldNode[], id: string, at: string, wanted: string[]): boolean {
    const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
    const byIds = ID_FIELDS[typeName];
    if (!type || !byIds) return true;
    let needed = false;
    for (const [key, nodes] of this.fieldsOf(info, type, fieldNodes)) {
      const fieldName = nodes[0]!.name.value;
      if (!(fieldName in byIds)) {
        needed = true;
        continue;
      }
      const loader = byIds[fieldName];
      if (!loader || !this.snap || !HELD_LOADERS.has(loader)) continue;
      const list = this.listOf(this.snap, loader, id);
      const linkType = info.schema.getType('Link') as GraphQLObjectType;
      for (const [linkKey, linkNodes] of this.fieldsOf(info, linkType, nodes)) {
        if (linkNodes[0]!.name.value !== 'node') continue;
        const place = `${at}.${key}@${type.name}.${linkKey}@Link`;
        for (const link of list) {
          const childKey = `${place}\u0000${link.ref.id}`;
          if (this.planned.has(childKey)) continue;
          const childNeeded = this.plan(info, link.ref.kind, linkNodes, link.ref.id, place, wanted);
          this.planned.set(childKey, childNeeded);
          if (childNeeded) wanted.push(link.ref.id);
        }
      }
    }
    return needed;
  }

  /** The fields a selection asks of one object type (fragments, type conditions, @skip/@include applied), as execution collects them. */
  private fieldsOf(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
    let byType = this.subfields.get(nodes);
    if (!byType) this.subfields.set(nodes, (byType = new Map()));
    let fields = byType.get(type.name);
    if (!fields) {
      fields = collectSubfields(info, type, nodes);
      byType.set(type.name, fields);
    }
    return fields;
  }
}

/**
 * The loaders the engine answers: those whose edge types it holds. The rest stay on the database
 * (src/db/chain-store.ts links()): CITES and MENTIONS (citations, citedBy, mentions, mentionedIn)
 * end at Source nodes and carry quotes, which the engine does not hold; RUNS (runs, runBy) and
 * MEMBER_OF (members, memberOf) are not among the edge types it loads (ENGINE_EDGE_TYPES).
 */
export const HELD_LOADERS: ReadonlySet<LinkLoaderName> = new Set((Object.keys(LINK_SPECS) as LinkLoaderName[]).filter((name) => engineHoldsTypes(LINK_SPECS[name].types)));

/**
 * A place in the response without list indices, each key with the type it is a field of
 * (`node@Query.suppliers@Product.node@Link`): one place asks one selection of each node there.
 */
function placeOf(path: GraphQLResolveInfo['path']): string {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = path; p; p = p.prev) if (typeof p.key === 'string') keys.push(`${p.key}@${p.typename ?? ''}`);
  return keys.reverse().join('.');
}

/** Fields whose answer comes from the engine's links. */
export const ENGINE_LINK_FIELDS: ReadonlySet<string> = engineLinkFieldNames(HELD_LOADERS);
