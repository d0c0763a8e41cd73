// GraphQL enums over the model's allow-lists. A GraphQL name maps to the model's value
// (MINE ↔ 'Mine'), so resolvers pass model records through unchanged.

import { registerEnumType } from 'type-graphql';
import { CATEGORIES, CATEGORY_CODES, SECTORS, SECTOR_CODES, type Category, type Sector } from '../../model/categories.js';

export enum NodeKindEnum {
  MINE = 'Mine',
  PRODUCT = 'Product',
  PLANT = 'Plant',
  PART = 'Part',
  SUPPLIER = 'Supplier',
  PROJECT = 'Project',
  SOURCE = 'Source',
  ORGANIZATION = 'Organization',
}

export enum EdgeTypeEnum {
  EXTRACTS = 'EXTRACTS',
  PRODUCES = 'PRODUCES',
  SUPPLIES = 'SUPPLIES',
  FEEDS = 'FEEDS',
  COMPONENT_OF = 'COMPONENT_OF',
  LOCALIZES = 'LOCALIZES',
  CITES = 'CITES',
  MENTIONS = 'MENTIONS',
  OPERATES = 'OPERATES',
  OWNS = 'OWNS',
  IS = 'IS',
  RUNS = 'RUNS',
  MEMBER_OF = 'MEMBER_OF',
}

export enum OrganizationTypeEnum {
  COMPANY = 'COMPANY',
  STATE_HOLDING = 'STATE_HOLDING',
  ASSOCIATION = 'ASSOCIATION',
  UNIVERSITY = 'UNIVERSITY',
  GOVERNMENT = 'GOVERNMENT',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
}

export enum StageEnum {
  ORE = 'ORE',
  CONCENTRATE = 'CONCENTRATE',
  INTERMEDIATE = 'INTERMEDIATE',
  SEMI_FINISHED = 'SEMI_FINISHED',
  FINISHED = 'FINISHED',
  CONSUMABLE = 'CONSUMABLE',
}

export enum ProjectStatusEnum {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  STALLED = 'STALLED',
  DONE = 'DONE',
}

export enum SiteStatusEnum {
  OPERATING = 'OPERATING',
  CONSTRUCTION = 'CONSTRUCTION',
  PLANNED = 'PLANNED',
  IDLE = 'IDLE',
  CLOSED = 'CLOSED',
}

export enum WalkDirection {
  UPSTREAM = 'upstream',
  DOWNSTREAM = 'downstream',
}

export enum NodeOrderField {
  ID = 'id',
  NAME = 'name',
  NAME_FA = 'nameFa',
  PROGRESS = 'progress',
  BUDGET = 'budget',
  CAPACITY = 'capacity',
  STARTED_AT = 'startedAt',
}

/** Every status a node can have: a mine's or plant's (SiteStatus) or a project's (ProjectStatus). */
export enum NodeStatusEnum {
  OPERATING = 'OPERATING',
  CONSTRUCTION = 'CONSTRUCTION',
  PLANNED = 'PLANNED',
  IDLE = 'IDLE',
  CLOSED = 'CLOSED',
  ACTIVE = 'ACTIVE',
  STALLED = 'STALLED',
  DONE = 'DONE',
}

/** The item vocabulary of src/model/categories.ts as GraphQL enums (names equal values). */
export const ItemCategoryEnum = Object.fromEntries(CATEGORY_CODES.map((c) => [c, c])) as { [K in Category]: K };
export const SectorEnum = Object.fromEntries(SECTOR_CODES.map((c) => [c, c])) as { [K in Sector]: K };

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum FlowDetailEnum {
  ITEMS = 'items',
  SITES = 'sites',
}

export enum FlowNodeRoleEnum {
  NODE = 'NODE',
  OTHER_IMPORTS = 'OTHER_IMPORTS',
  OTHER_HOME = 'OTHER_HOME',
  VALUE_ADDED = 'VALUE_ADDED',
}

registerEnumType(NodeKindEnum, { name: 'NodeKind', description: 'The kinds of node in the chain graph (Neo4j labels).' });
registerEnumType(EdgeTypeEnum, {
  name: 'EdgeType',
  description: 'Relationship types. Chain edges point the way material flows: from mines and suppliers towards finished goods.',
  valuesConfig: {
    EXTRACTS: { description: 'Mine → item: the mine yields the item.' },
    PRODUCES: { description: 'Plant → item: the plant makes the item.' },
    SUPPLIES: { description: 'Supplier → item: the supplier delivers the item to the home market.' },
    FEEDS: { description: 'Item → Plant: the plant consumes the item.' },
    COMPONENT_OF: { description: 'Item → item: a bill-of-materials line.' },
    LOCALIZES: { description: 'Project → item: the project aims to make the item at home.' },
    CITES: { description: 'Any → Source: the fact is supported by the source.' },
    MENTIONS: { description: 'Source → any: the source names the node (entity linking).' },
    OPERATES: { description: 'Organization → Mine/Plant: the organisation runs the site.' },
    OWNS: { description: 'Organization → Organization/Mine/Plant: a holding, with its share (absent: wholly owned).' },
    IS: { description: 'Supplier → Organization: the supplier is this known firm.' },
    RUNS: { description: 'Organization → Project: the organisation runs the project.' },
    MEMBER_OF: { description: 'Mine/Plant/Supplier/Organization → a group node of which it is one member.' },
  },
});
registerEnumType(OrganizationTypeEnum, { name: 'OrganizationType', description: 'What kind of body an Organization is.' });
registerEnumType(StageEnum, { name: 'Stage', description: 'The processing stage of a product.' });
registerEnumType(ProjectStatusEnum, { name: 'ProjectStatus' });
registerEnumType(SiteStatusEnum, { name: 'SiteStatus', description: 'Status of a mine or plant.' });
registerEnumType(WalkDirection, { name: 'WalkDirection', description: 'UPSTREAM: what a node depends on. DOWNSTREAM: what depends on it.' });
registerEnumType(NodeOrderField, {
  name: 'NodeOrderField',
  valuesConfig: {
    PROGRESS: { description: 'Projects: progress 0..1.' },
    BUDGET: { description: 'Projects: budget in USD.' },
    CAPACITY: { description: "Mines: capacityTpy; plants: the sum of their PRODUCES capacities." },
    STARTED_AT: { description: 'Projects: start date.' },
  },
});
registerEnumType(NodeStatusEnum, {
  name: 'NodeStatus',
  description: 'A status to filter by: SiteStatus values for mines and plants, ProjectStatus values for projects.',
});
registerEnumType(ItemCategoryEnum, {
  name: 'ItemCategory',
  description: 'What kind of good a product or part is (see the categories query for names in English and Persian).',
  valuesConfig: Object.fromEntries(CATEGORY_CODES.map((c) => [c, { description: `${CATEGORIES[c].name} · ${CATEGORIES[c].nameFa} (${CATEGORIES[c].sector})` }])),
});
registerEnumType(SectorEnum, {
  name: 'Sector',
  description: 'The industry a category belongs to.',
  valuesConfig: Object.fromEntries(SECTOR_CODES.map((c) => [c, { description: `${SECTORS[c].name} · ${SECTORS[c].nameFa}` }])),
});
registerEnumType(SortDirection, { name: 'SortDirection' });
registerEnumType(FlowDetailEnum, {
  name: 'FlowDetail',
  valuesConfig: {
    ITEMS: { description: 'A home plant is drawn as the item it makes (its value added shows in the item).' },
    SITES: { description: 'Plants are drawn as nodes of their own.' },
  },
});
registerEnumType(FlowNodeRoleEnum, {
  name: 'FlowNodeRole',
  valuesConfig: {
    NODE: { description: 'A node of the graph: an item, or a mine, plant or supplier.' },
    OTHER_IMPORTS: { description: 'What reaches the target from abroad through nodes under minShare.' },
    OTHER_HOME: { description: 'What reaches the target from home through nodes under minShare.' },
    VALUE_ADDED: { description: 'The value added where the item itself is made.' },
  },
});
