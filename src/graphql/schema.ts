// Builds the executable schema from the resolvers, and prints it in a stable order for the
// committed schema/schema.graphql (a test fails when the two drift).

import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { NODE_TYPES } from './node/chain-node.type.js';
import { NodeResolver } from './node/node.resolver.js';
import {
  ChainNodeFieldsResolver,
  LinkFieldsResolver,
  MineLinksResolver,
  PartLinksResolver,
  PlantLinksResolver,
  ProductLinksResolver,
  ProjectLinksResolver,
  SourceLinksResolver,
  SupplierLinksResolver,
  MineOwnersResolver,
  PlantOwnersResolver,
  OrganizationLinksResolver,
} from './node/node-links.resolver.js';
import { WalkResolver } from './walk/walk.resolver.js';
import { DependencyOrganizationsResolver, OrganizationResolver } from './organization/organization.resolver.js';
import { ChainNodeDatasetsResolver, DatasetResolver } from './datasets/dataset.resolver.js';
import { CategoriesResolver, PartCategoryResolver, ProductCategoryResolver } from './node/category.resolver.js';
import { ImportResolver } from './imports/import.resolver.js';
import { AnalyticsResolver } from './analytics/analytics.resolver.js';
import { CypherResolver } from './cypher/cypher.resolver.js';
import { ExportResolver } from './export/export.resolver.js';
import { AccessResolver } from './access/access.resolver.js';
import { EditsResolver } from './edits/edits.resolver.js';
import { CurrencyResolver, LocalizationPlanFieldsResolver, PartCurrencyResolver, ProductCurrencyResolver } from './currency/currency.resolver.js';
import { PlanResolver } from './currency/plan.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  ChainNodeFieldsResolver,
  LinkFieldsResolver,
  ProductLinksResolver,
  PartLinksResolver,
  PlantLinksResolver,
  MineLinksResolver,
  SupplierLinksResolver,
  ProjectLinksResolver,
  SourceLinksResolver,
  MineOwnersResolver,
  PlantOwnersResolver,
  OrganizationLinksResolver,
  ProductCategoryResolver,
  PartCategoryResolver,
  CategoriesResolver,
  WalkResolver,
  OrganizationResolver,
  DependencyOrganizationsResolver,
  DatasetResolver,
  ChainNodeDatasetsResolver,
  ImportResolver,
  AnalyticsResolver,
  ExportResolver,
  CypherResolver,
  AccessResolver,
  EditsResolver,
  CurrencyResolver,
  LocalizationPlanFieldsResolver,
  ProductCurrencyResolver,
  PartCurrencyResolver,
  PlanResolver,
];

let built: Promise<GraphQLSchema> | null = null;

export function buildZanjirSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [...NODE_TYPES],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}

export async function printZanjirSchema(): Promise<string> {
  const header = '# Emitted from the code by `npm run schema`; test/schema.test.ts fails when this file drifts.\n\n';
  return header + printSchema(lexicographicSortSchema(await buildZanjirSchema())) + '\n';
}
