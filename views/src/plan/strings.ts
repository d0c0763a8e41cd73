// The plan view's own words in English and Persian (the shared ones are in ../shared/i18n.ts).

import type { Lang } from '../shared/params.js';

const en = {
  planLink: 'Localization plan',
  planTitle: 'Which projects to finish for {budget}',
  missingBudget: 'Give the budget in US dollars with ?budget=…, for example ?budget=5e8.',
  badBudget: 'The budget must be a number of US dollars, like 5e8 or 250000; got “{value}”.',
  budget: 'Budget (USD)',
  apply: 'Plan',
  minProgress: 'Progress at least',
  anyProgress: 'any',
  costAxis: 'Remaining cost, cumulative',
  ratioAxis: 'Net saving a year per dollar',
  budgetLine: 'budget {budget}',
  budgetBeyond: 'budget {budget} →',
  nothingLeft: 'nothing left to spend',
  picked: 'picked, in order',
  over: 'would save, but does not fit',
  redundant: 'Parallel work (REDUNDANT): would save this alone, nothing after the picks',
  unranked: 'Not ranked',
  reason_NO_BUDGET: 'no budget recorded',
  reason_NO_UNIT_VALUE: 'no unit value for its items',
  reason_NO_SAVING: 'saves nothing even alone',
  reason_NO_IMPORT_VOLUME: 'import volume unknown: saving not known',
  status: '{picked} of {candidates} projects · {spent} of {budget} · saves {saving} a year',
  empty: 'No candidate project saves foreign currency for this budget.',
  perYear: 'a year',
  barTitle: '{name}: saves {saving} a year for {cost} still to spend ({ratio} a year per dollar)',
};

export type PlanStrings = typeof en;

const fa: PlanStrings = {
  planLink: 'برنامهٔ بومی‌سازی',
  planTitle: 'کدام طرح‌ها را با {budget} تمام کنیم',
  missingBudget: 'بودجه را به دلار با ‎?budget=…‎ بدهید، برای نمونه ‎?budget=5e8‎.',
  badBudget: 'بودجه باید عددی به دلار باشد، مانند 5e8 یا 250000؛ «{value}» داده شد.',
  budget: 'بودجه (دلار)',
  apply: 'برنامه',
  minProgress: 'پیشرفت دست‌کم',
  anyProgress: 'هر',
  costAxis: 'هزینهٔ باقی‌مانده، انباشته',
  ratioAxis: 'صرفه‌جویی ارزی خالص سالانه به ازای هر دلار',
  budgetLine: 'بودجه {budget}',
  budgetBeyond: '← بودجه {budget}',
  nothingLeft: 'هزینه‌ای باقی نمانده',
  picked: 'برگزیده، به ترتیب',
  over: 'صرفه‌جویی دارد اما در بودجه نمی‌گنجد',
  redundant: 'موازی‌کاری (REDUNDANT): به‌تنهایی این اندازه صرفه‌جویی می‌کرد، پس از برگزیده‌ها هیچ',
  unranked: 'رتبه‌بندی‌نشده',
  reason_NO_BUDGET: 'بودجه ثبت نشده',
  reason_NO_UNIT_VALUE: 'ارزش واحد کالاهایش ثبت نشده',
  reason_NO_SAVING: 'به‌تنهایی هم صرفه‌جویی ندارد',
  reason_NO_IMPORT_VOLUME: 'حجم واردات نامعلوم: صرفه‌جویی نامعلوم',
  status: '{picked} از {candidates} طرح · {spent} از {budget} · صرفه‌جویی سالانه {saving}',
  empty: 'هیچ طرحی با این بودجه ارزبری را کم نمی‌کند.',
  perYear: 'در سال',
  barTitle: '{name}: صرفه‌جویی سالانه {saving} با {cost} هزینهٔ باقی‌مانده ({ratio} در سال به ازای هر دلار)',
};

export function planStrings(lang: Lang): PlanStrings {
  return lang === 'fa' ? fa : en;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
