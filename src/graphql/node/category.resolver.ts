// `category` on products and parts, and the `categories` list.

import { FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../model/records.js';
import { PartType, ProductType } from './chain-node.type.js';
import { allCategories, categoryInfo, CategoryInfoType } from './category.type.js';

function itemCategoryResolver(target: typeof ProductType | typeof PartType) {
  @Resolver(() => target)
  class ItemCategoryResolver {
    @FieldResolver(() => CategoryInfoType, { nullable: true, description: 'What kind of good it is, and its sector; null when not given.' })
    category(@Root() node: NodeRecord) {
      return categoryInfo(node.category);
    }
  }
  return ItemCategoryResolver;
}

export const ProductCategoryResolver = itemCategoryResolver(ProductType);
export const PartCategoryResolver = itemCategoryResolver(PartType);

@Resolver()
export class CategoriesResolver {
  @Query(() => [CategoryInfoType], { description: 'The item categories, with their sectors, in English and Persian.' })
  categories() {
    return allCategories();
  }
}
