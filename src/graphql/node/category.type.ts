// The item vocabulary (src/model/categories.ts) as GraphQL objects: each product or part's
// category with its names in both languages and its sector, and the whole list for pickers.

import { Field, ObjectType } from 'type-graphql';
import { CATEGORIES, CATEGORY_CODES, SECTORS, isCategory, type Category, type CategoryDef, type Sector } from '../../model/categories.js';
import { ItemCategoryEnum, SectorEnum } from '../common/enums.js';

@ObjectType('SectorInfo', { description: 'An industry, named in English and Persian.' })
export class SectorInfoType {
  @Field(() => SectorEnum) code!: Sector;
  @Field(() => String) name!: string;
  @Field(() => String) nameFa!: string;
}

@ObjectType('CategoryInfo', { description: 'What kind of good an item is, named in English and Persian, with the words search knows it by.' })
export class CategoryInfoType {
  @Field(() => ItemCategoryEnum) code!: Category;
  @Field(() => String) name!: string;
  @Field(() => String) nameFa!: string;
  @Field(() => SectorInfoType) sector!: SectorInfoType;
  @Field(() => [String], { description: 'Words and phrases that find every item of the category in search ("car", «خودرو»).' }) terms!: string[];
}

export function categoryInfo(code: unknown): CategoryInfoType | null {
  if (!isCategory(code)) return null;
  const c: CategoryDef = CATEGORIES[code];
  return { code, name: c.name, nameFa: c.nameFa, sector: { code: c.sector, ...SECTORS[c.sector] }, terms: [...c.terms] };
}

export function allCategories(): CategoryInfoType[] {
  return CATEGORY_CODES.map((c) => categoryInfo(c)!);
}
