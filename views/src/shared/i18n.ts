// UI strings in English and Persian, and number formatting (Persian digits when lang=fa).

import type { Lang } from './params.js';

const en = {
  appName: 'Zanjir',
  loading: 'Loading…',
  errorTitle: 'Cannot show this view',
  notFoundTitle: 'No such node',
  notFoundHint: 'Check the id in the address, or search for the node by name.',
  missingId: 'Give the node to show with ?id=…, for example ?id=product:steel.',
  unreachable: 'The Zanjir server did not answer.',
  upstream: 'Upstream',
  downstream: 'Downstream',
  upstreamOf: 'What {name} depends on',
  downstreamOf: 'What depends on {name}',
  depth: 'Depth',
  search: 'Search a node…',
  searchLabel: 'Search',
  noMatches: 'No matches',
  fit: 'Fit',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  savePng: 'PNG',
  saveSvg: 'SVG',
  savePngTitle: 'Save the picture as PNG',
  saveSvgTitle: 'Save the picture as SVG',
  theme: 'Theme',
  light: 'Light',
  dark: 'Dark',
  language: 'فارسی',
  languageTitle: 'Show in Persian',
  flowsLink: 'Value flows',
  dependenciesLink: 'Dependencies',
  balanceLink: 'Chain balance',
  truncated: 'The walk was cut at {n} nodes: nearer nodes are shown first.',
  depthLimited: 'Not the whole chain: {all} more nodes lie beyond this depth, {n} of them at depth {d}. Choose a larger depth to see them.',
  nodesEdges: '{nodes} nodes · {edges} edges',
  groupLabel: '{n} {kind}',
  groupHint: 'Click to show them one by one.',
  groupsStatus: '{nodes} nodes in {n} groups by tier and kind: click a group to open it',
  andMore: '… and {n} more',
  // legend
  legend: 'Legend',
  legendShape: 'Shape: node kind',
  legendColour: 'Colour: share imported directly',
  legendColourNote: 'items by their foreign sources; sites and suppliers by their country',
  legendHome: 'home',
  legendImported: 'imported',
  legendUnmodelled: 'no modelled source',
  legendWidth: 'Edge width: share of the item’s supply (or of its value, for inputs)',
  legendForeignEdge: 'foreign supply',
  // details
  close: 'Close',
  kind: 'Kind',
  id: 'Id',
  expand: 'Expand neighbours',
  expanded: 'Neighbours loaded',
  recentre: 'Centre the view here',
  suppliers: 'Sources',
  noSuppliers: 'No modelled source: counted as home-made.',
  directImportShare: 'Direct import share',
  country: 'Country',
  province: 'Province',
  operator: 'Operator',
  commodity: 'Commodity',
  capacity: 'Capacity',
  status: 'Status',
  stage: 'Stage',
  unit: 'Unit',
  unitValue: 'Unit value',
  hsCode: 'HS code',
  finalDemand: 'Final demand',
  knowledgeBased: 'Knowledge-based firm',
  group: 'Group of firms or sites',
  groupMembers: 'members',
  owner: 'Owner',
  progress: 'Progress',
  yes: 'yes',
  no: 'no',
  foreign: 'foreign',
  home: 'home',
  perYear: '/year',
  // flows
  flowsTitle: 'Where the value of {name} comes from',
  flowsSummary: 'One {unit} of {name}: {value}. Imported: {imported} ({share}), directly and through every tier; made at home: {home}.',
  flowsSummaryShare: 'Value of {name} by origin (its unit value is not recorded: shares of 100%). Imported: {share}.',
  flowsLegendColour: 'Colour: share of the flow that is imported',
  flowsLegendForeign: 'foreign source',
  flowsLegendHome: 'home source',
  flowsLegendWidth: 'Width: value per unit of the finished good',
  flowsCut: '{n} recycling loops cut (their value counts as made at home).',
  flowsSmall: '{n} nodes carrying under {min} of the value are gathered into “Other imports” and “Other, made at home”.',
  flowsEmpty: 'Nothing flows into this node: it has no modelled sources.',
  otherImports: 'Other imports',
  flowsExpandHint: 'Click to draw them one by one.',
  flowsExpanded: 'Drawing nodes down to {min} of the value.',
  otherHome: 'Other, made at home',
  valueAdded: 'value added here',
  valueAddedRoot: 'Value added in making it',
  // balance
  balanceTitle: 'Chain balance: home capacity against demand',
  balanceTitleStage: 'Chain balance of {stage} items: home capacity against demand',
  balanceUnavailable: 'The chain-balance report is not available on this server yet.',
  balanceUnavailableHint: 'This Zanjir server has no chainBalance query. Upgrade the server to see this view.',
  allStages: 'All stages',
  homeCapacity: 'Home capacity',
  demand: 'Demand',
  imports: 'Imports',
  gap: 'Gap',
  surplus: 'Surplus',
  balance: 'Balance',
  coverage: 'Home capacity as a share of demand',
  noDemand: 'No modelled demand',
  balanceEmpty: 'No items to report.',
  balanceStatus: '{n} items · {gaps} with a gap',
  balanceLegendGap: 'gap (demand not met by home capacity)',
  balanceLegendImports: 'covered by imports',
  balanceLegendCapacity: 'home capacity',
};

export type Strings = typeof en;

const fa: Strings = {
  appName: 'زنجیر',
  loading: 'در حال بارگذاری…',
  errorTitle: 'این نما را نمی‌توان نشان داد',
  notFoundTitle: 'چنین گره‌ای نیست',
  notFoundHint: 'شناسه را در نشانی بررسی کنید یا گره را با نامش جست‌وجو کنید.',
  missingId: 'گره را با ‎?id=…‎ بدهید، برای نمونه ‎?id=product:steel‎.',
  unreachable: 'کارساز زنجیر پاسخ نداد.',
  upstream: 'بالادست',
  downstream: 'پایین‌دست',
  upstreamOf: '{name} به چه وابسته است',
  groupLabel: '{n} {kind}',
  groupHint: 'برای دیدن تک‌تک آن‌ها کلیک کنید.',
  groupsStatus: '{nodes} گره در {n} گروه بر پایهٔ رده و نوع: برای باز کردن گروه کلیک کنید',
  andMore: '… و {n} مورد دیگر',
  flowsExpandHint: 'برای کشیدن تک‌تک آن‌ها کلیک کنید.',
  flowsExpanded: 'گره‌ها تا {min} از ارزش کشیده شده‌اند.',
  downstreamOf: 'چه چیزهایی به {name} وابسته‌اند',
  depth: 'عمق',
  search: 'جست‌وجوی گره…',
  searchLabel: 'جست‌وجو',
  noMatches: 'چیزی یافت نشد',
  fit: 'گنجاندن',
  zoomIn: 'بزرگ‌نمایی',
  zoomOut: 'کوچک‌نمایی',
  savePng: 'PNG',
  saveSvg: 'SVG',
  savePngTitle: 'ذخیرهٔ تصویر به صورت PNG',
  saveSvgTitle: 'ذخیرهٔ تصویر به صورت SVG',
  theme: 'پوسته',
  light: 'روشن',
  dark: 'تیره',
  language: 'English',
  languageTitle: 'Show in English',
  flowsLink: 'جریان ارزش',
  dependenciesLink: 'وابستگی‌ها',
  balanceLink: 'تراز زنجیره',
  truncated: 'پیمایش در {n} گره بریده شد: گره‌های نزدیک‌تر نشان داده شده‌اند.',
  depthLimited: 'این همهٔ زنجیره نیست: {all} گرهٔ دیگر فراتر از این عمق هست که {n} تا از آن‌ها در عمق {d} است. برای دیدنشان عمق بیشتری برگزینید.',
  nodesEdges: '{nodes} گره · {edges} یال',
  legend: 'راهنما',
  legendShape: 'شکل: نوع گره',
  legendColour: 'رنگ: سهم واردات مستقیم',
  legendColourNote: 'کالاها بر پایهٔ منابع خارجی‌شان؛ تأسیسات و تأمین‌کنندگان بر پایهٔ کشورشان',
  legendHome: 'داخلی',
  legendImported: 'وارداتی',
  legendUnmodelled: 'بی‌منبع در مدل',
  legendWidth: 'پهنای یال: سهم از تأمین کالا (یا از ارزش آن، برای نهاده‌ها)',
  legendForeignEdge: 'تأمین خارجی',
  close: 'بستن',
  kind: 'نوع',
  id: 'شناسه',
  expand: 'گسترش همسایه‌ها',
  expanded: 'همسایه‌ها بارگذاری شدند',
  recentre: 'این گره را مرکز نما کن',
  suppliers: 'منابع تأمین',
  noSuppliers: 'منبعی در مدل ندارد: ساخت داخل به شمار می‌آید.',
  directImportShare: 'سهم واردات مستقیم',
  country: 'کشور',
  province: 'استان',
  operator: 'بهره‌بردار',
  commodity: 'ماده',
  capacity: 'ظرفیت',
  status: 'وضعیت',
  stage: 'مرحله',
  unit: 'واحد',
  unitValue: 'ارزش واحد',
  hsCode: 'کد تعرفه',
  finalDemand: 'تقاضای نهایی',
  knowledgeBased: 'شرکت دانش‌بنیان',
  group: 'گروهی از شرکت‌ها یا واحدها',
  groupMembers: 'عضو',
  owner: 'مالک',
  progress: 'پیشرفت',
  yes: 'بله',
  no: 'خیر',
  foreign: 'خارجی',
  home: 'داخلی',
  perYear: '/سال',
  flowsTitle: 'ارزش {name} از کجا می‌آید',
  flowsSummary: 'یک {unit} {name}: {value}. وارداتی: {imported} ({share})، مستقیم و در همهٔ ردیف‌ها؛ ساخت داخل: {home}.',
  flowsSummaryShare: 'ارزش {name} به تفکیک خاستگاه (ارزش واحدش ثبت نشده: سهم از ۱۰۰٪). وارداتی: {share}.',
  flowsLegendColour: 'رنگ: سهم وارداتی جریان',
  flowsLegendForeign: 'منبع خارجی',
  flowsLegendHome: 'منبع داخلی',
  flowsLegendWidth: 'پهنا: ارزش به ازای یک واحد کالای نهایی',
  flowsCut: '{n} حلقهٔ بازیافت بریده شد (ارزششان ساخت داخل به شمار می‌آید).',
  flowsSmall: '{n} گره با کمتر از {min} ارزش در «سایر واردات» و «سایر، ساخت داخل» گرد آمده‌اند.',
  flowsEmpty: 'چیزی به این گره جریان نمی‌یابد: منبعی در مدل ندارد.',
  otherImports: 'سایر واردات',
  otherHome: 'سایر، ساخت داخل',
  valueAdded: 'ارزش افزوده در این‌جا',
  valueAddedRoot: 'ارزش افزوده در ساخت آن',
  balanceTitle: 'تراز زنجیره: ظرفیت داخلی در برابر تقاضا',
  balanceTitleStage: 'تراز زنجیرهٔ کالاهای مرحلهٔ {stage}: ظرفیت داخلی در برابر تقاضا',
  balanceUnavailable: 'گزارش تراز زنجیره هنوز روی این کارساز در دسترس نیست.',
  balanceUnavailableHint: 'این کارساز زنجیر پرس‌وجوی chainBalance ندارد. برای دیدن این نما کارساز را به‌روز کنید.',
  allStages: 'همهٔ مراحل',
  homeCapacity: 'ظرفیت داخلی',
  demand: 'تقاضا',
  imports: 'واردات',
  gap: 'کسری',
  surplus: 'مازاد',
  balance: 'تراز',
  coverage: 'ظرفیت داخلی به نسبت تقاضا',
  noDemand: 'تقاضایی در مدل نیست',
  balanceEmpty: 'کالایی برای گزارش نیست.',
  balanceStatus: '{n} کالا · {gaps} با کسری',
  balanceLegendGap: 'کسری (تقاضایی که ظرفیت داخلی پاسخ نمی‌دهد)',
  balanceLegendImports: 'پوشش با واردات',
  balanceLegendCapacity: 'ظرفیت داخلی',
};

export const KIND_NAMES: Record<Lang, Record<string, string>> = {
  en: { MINE: 'Mine', PRODUCT: 'Product', PLANT: 'Plant', PART: 'Part', SUPPLIER: 'Supplier', PROJECT: 'Project', SOURCE: 'Source', ORGANIZATION: 'Organisation' },
  fa: { MINE: 'معدن', PRODUCT: 'محصول', PLANT: 'کارخانه', PART: 'قطعه', SUPPLIER: 'تأمین‌کننده', PROJECT: 'پروژه', SOURCE: 'منبع خبری', ORGANIZATION: 'سازمان' },
};

/** Kinds counted: "38 plants"; Persian counts with the singular («۳۸ کارخانه»). */
export const KIND_PLURALS: Record<Lang, Record<string, string>> = {
  en: { MINE: 'mines', PRODUCT: 'products', PLANT: 'plants', PART: 'parts', SUPPLIER: 'suppliers', PROJECT: 'projects', SOURCE: 'sources' },
  fa: KIND_NAMES.fa,
};

export const STAGE_NAMES: Record<Lang, Record<string, string>> = {
  en: { ORE: 'ore', CONCENTRATE: 'concentrate', INTERMEDIATE: 'intermediate', SEMI_FINISHED: 'semi-finished', FINISHED: 'finished', CONSUMABLE: 'consumable' },
  fa: { ORE: 'سنگ معدن', CONCENTRATE: 'کنسانتره', INTERMEDIATE: 'میانی', SEMI_FINISHED: 'نیمه‌ساخته', FINISHED: 'نهایی', CONSUMABLE: 'مصرفی' },
};

/** Units as the data sets write them, in Persian. Unknown units are shown as they are. */
const UNITS_FA: Record<string, string> = { t: 'تن', kg: 'کیلوگرم', piece: 'عدد', pieces: 'عدد', car: 'دستگاه', unit: 'واحد', set: 'دست', m3: 'مترمکعب', kWh: 'کیلووات‌ساعت', MWh: 'مگاوات‌ساعت', l: 'لیتر' };

export const STAGES = ['ORE', 'CONCENTRATE', 'INTERMEDIATE', 'SEMI_FINISHED', 'FINISHED', 'CONSUMABLE'] as const;

export interface I18n {
  lang: Lang;
  s: Strings;
  /** A string with {placeholders} filled in. */
  t(key: keyof Strings, vars?: Record<string, string | number>): string;
  kind(kind: string): string;
  /** The kind as counted: "plants". */
  kinds(kind: string): string;
  stage(stage: string | null | undefined): string;
  unit(unit: string | null | undefined): string;
  number(n: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  usd(n: number): string;
}

export function i18n(lang: Lang): I18n {
  const s = lang === 'fa' ? fa : en;
  const locale = lang === 'fa' ? 'fa-IR' : 'en-US';
  const formats = new Map<string, Intl.NumberFormat>();
  const fmt = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let f = formats.get(key);
    if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  return {
    lang,
    s,
    t(key, vars = {}) {
      return s[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
    },
    kind: (kind) => KIND_NAMES[lang][kind] ?? kind,
    kinds: (kind) => KIND_PLURALS[lang][kind] ?? kind,
    stage: (stage) => (stage ? (STAGE_NAMES[lang][stage] ?? stage) : ''),
    unit: (unit) => (unit ? (lang === 'fa' ? (UNITS_FA[unit] ?? unit) : unit) : ''),
    number: (n, digits) =>
      fmt(
        digits === undefined
          ? { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 1 ? 1 : 3 }
          : { maximumFractionDigits: digits, minimumFractionDigits: 0 },
      ).format(n),
    percent: (share, digits = share > 0 && share < 0.1 ? 1 : 0) =>
      fmt({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(share),
    usd: (n) => {
      const abs = Math.abs(n);
      const body = fmt({ maximumFractionDigits: abs >= 100 ? 0 : abs >= 1 ? 2 : 3 }).format(n);
      return lang === 'fa' ? `${body} دلار` : `$${body}`;
    },
  };
}

/** A view's own string with {placeholders} filled in; an unknown placeholder is left as it is. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
