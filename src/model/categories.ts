// The item vocabulary: what kind of good a Product or Part is (its category), and which industry
// it belongs to (the category's sector), in English and Persian, with the words people type for
// it. Search answers "car" or «خودرو» with every finished car through this table; filters and
// reports group by it. A closed list, like stages: an unknown category is an import error.

export const SECTORS = {
  STEEL: { name: 'Iron and steel', nameFa: 'آهن و فولاد' },
  COPPER: { name: 'Copper', nameFa: 'مس' },
  ALUMINIUM: { name: 'Aluminium', nameFa: 'آلومینیوم' },
  NON_FERROUS: { name: 'Other non-ferrous metals', nameFa: 'سایر فلزات غیرآهنی' },
  AUTOMOTIVE: { name: 'Automotive', nameFa: 'خودرو' },
  ELECTRONICS: { name: 'Electronics', nameFa: 'الکترونیک' },
  CHEMICALS: { name: 'Chemicals and polymers', nameFa: 'مواد شیمیایی و پلیمرها' },
  ENERGY: { name: 'Energy and fuels', nameFa: 'انرژی و سوخت' },
  MINERALS: { name: 'Industrial minerals', nameFa: 'کانی‌های صنعتی' },
} as const;
export type Sector = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as Sector[];

export interface CategoryDef {
  name: string;
  nameFa: string;
  sector: Sector;
  /** Words and phrases that name the category, besides its names (singular; plurals are stemmed). */
  terms: readonly string[];
}

export const CATEGORIES = {
  PASSENGER_CAR: { name: 'Passenger car', nameFa: 'خودروی سواری', sector: 'AUTOMOTIVE', terms: ['car', 'automobile', 'vehicle', 'passenger car', 'خودرو', 'سواری', 'اتومبیل', 'ماشین', 'خودروی سواری'] },
  BODY_AND_CHASSIS: { name: 'Body and chassis parts', nameFa: 'قطعات بدنه و شاسی', sector: 'AUTOMOTIVE', terms: ['body', 'body part', 'بدنه'] },
  POWERTRAIN: { name: 'Engines, gearboxes and their parts', nameFa: 'موتور، گیربکس و قطعات آن‌ها', sector: 'AUTOMOTIVE', terms: ['powertrain', 'drivetrain', 'پیشرانه'] },
  AUTO_ELECTRONICS: { name: 'Automotive electronics and chips', nameFa: 'الکترونیک خودرو و تراشه', sector: 'ELECTRONICS', terms: ['electronics', 'electronic', 'الکترونیک'] },
  WIRING: { name: 'Wiring and connectors', nameFa: 'سیم‌کشی و کانکتور', sector: 'AUTOMOTIVE', terms: ['wiring', 'سیم‌کشی'] },
  GLASS: { name: 'Glass', nameFa: 'شیشه', sector: 'AUTOMOTIVE', terms: ['glass', 'شیشه'] },
  TYRE: { name: 'Tyres and tyre cord', nameFa: 'تایر و سیم تایر', sector: 'AUTOMOTIVE', terms: ['tyre', 'tire', 'تایر'] },
  INTERIOR: { name: 'Seats and interior', nameFa: 'صندلی و تزئینات داخلی', sector: 'AUTOMOTIVE', terms: ['interior', 'تزئینات داخلی'] },
  BRAKES_AND_SAFETY: { name: 'Brakes and safety systems', nameFa: 'ترمز و سامانه‌های ایمنی', sector: 'AUTOMOTIVE', terms: ['safety', 'safety system', 'ایمنی'] },
  ELECTRICAL: { name: 'Batteries, lamps and climate parts', nameFa: 'باتری، چراغ و تهویه', sector: 'AUTOMOTIVE', terms: ['electrical', 'electrical part', 'برقی'] },
  PAINT: { name: 'Paints and coatings', nameFa: 'رنگ و پوشش', sector: 'CHEMICALS', terms: ['coating', 'پوشش'] },
  POLYMER: { name: 'Polymers, rubber and carbon black', nameFa: 'پلیمر، لاستیک و دوده', sector: 'CHEMICALS', terms: ['polymer', 'plastic', 'پلیمر', 'پلاستیک'] },
  CHEMICAL: { name: 'Industrial chemicals', nameFa: 'مواد شیمیایی صنعتی', sector: 'CHEMICALS', terms: ['chemical', 'chemicals', 'مواد شیمیایی', 'شیمیایی'] },
  IRON_ORE: { name: 'Iron ore, concentrate and pellet', nameFa: 'سنگ‌آهن، کنسانتره و گندله', sector: 'STEEL', terms: ['iron ore', 'سنگ‌آهن'] },
  IRON: { name: 'Iron: DRI, hot metal and scrap', nameFa: 'آهن: اسفنجی، چدن و قراضه', sector: 'STEEL', terms: ['iron unit', 'metallics'] },
  SEMI_FINISHED_STEEL: { name: 'Crude and semi-finished steel', nameFa: 'فولاد خام و نیمه‌تمام', sector: 'STEEL', terms: ['semi-finished steel', 'semis', 'فولاد نیمه‌تمام'] },
  FLAT_STEEL: { name: 'Flat steel: coil, sheet and plate', nameFa: 'فولاد تخت: کلاف، ورق و ورق ضخیم', sector: 'STEEL', terms: ['flat steel', 'flat product', 'فولاد تخت', 'محصولات تخت'] },
  LONG_STEEL: { name: 'Long steel: rebar and sections', nameFa: 'فولاد طویل: میلگرد و مقاطع', sector: 'STEEL', terms: ['long steel', 'long product', 'فولاد طویل', 'مقاطع فولادی'] },
  COAL_AND_COKE: { name: 'Coal and coke', nameFa: 'زغال‌سنگ و کک', sector: 'STEEL', terms: ['coal', 'زغال‌سنگ'] },
  FERROALLOY: { name: 'Ferro-alloys and alloy ores', nameFa: 'فروآلیاژها و سنگ‌های آلیاژی', sector: 'STEEL', terms: ['ferroalloy', 'ferro-alloy', 'فروآلیاژ'] },
  ELECTRODE_AND_CARBON: { name: 'Electrodes and carbon products', nameFa: 'الکترود و فرآورده‌های کربنی', sector: 'STEEL', terms: ['carbon product', 'فرآورده کربنی'] },
  REFRACTORY: { name: 'Refractories', nameFa: 'نسوزها', sector: 'MINERALS', terms: ['refractory', 'نسوز', 'دیرگداز'] },
  MILL_SPARES: { name: 'Mill equipment and spares', nameFa: 'تجهیزات و قطعات یدکی کارخانه', sector: 'STEEL', terms: ['spare', 'spare part', 'mill equipment', 'قطعات یدکی'] },
  FLUX_AND_MINERALS: { name: 'Flux and industrial minerals', nameFa: 'گدازآورها و کانی‌های صنعتی', sector: 'MINERALS', terms: ['flux', 'mineral', 'گدازآور', 'کانی'] },
  FUEL: { name: 'Fuels', nameFa: 'سوخت', sector: 'ENERGY', terms: ['fuel', 'سوخت'] },
  COPPER: { name: 'Copper and copper products', nameFa: 'مس و فرآورده‌های مس', sector: 'COPPER', terms: ['copper', 'مس'] },
  ALUMINIUM: { name: 'Aluminium and alumina', nameFa: 'آلومینیوم و آلومینا', sector: 'ALUMINIUM', terms: ['aluminium', 'aluminum', 'آلومینیوم'] },
  ALUMINIUM_CASTING: { name: 'Aluminium castings and wheels', nameFa: 'قطعات ریختگی آلومینیومی و رینگ', sector: 'AUTOMOTIVE', terms: ['casting', 'ریخته‌گری', 'قطعه ریختگی'] },
  ZINC_AND_LEAD: { name: 'Zinc and lead', nameFa: 'روی و سرب', sector: 'NON_FERROUS', terms: ['zinc and lead', 'lead and zinc', 'سرب و روی'] },
  MINOR_METALS: { name: 'Minor metals', nameFa: 'فلزات کمیاب', sector: 'NON_FERROUS', terms: ['molybdenum', 'مولیبدن'] },
} as const satisfies Record<string, CategoryDef>;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as Category[];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && value in CATEGORIES;
}

export function categoriesOfSector(sector: Sector): Category[] {
  return CATEGORY_CODES.filter((c) => CATEGORIES[c].sector === sector);
}

/** Every phrase that names a category: its English and Persian names and its terms. */
export function categoryPhrases(code: Category): string[] {
  const c: CategoryDef = CATEGORIES[code];
  return [c.name, c.nameFa, ...c.terms];
}
