// Iran's provinces as people write them: the English spellings in use and the Persian name. A
// province filter or search word in any of them means the same province; provinces of other
// countries (or spellings not listed) still match by their normalised text.

import { normalizeForMatch } from './persian.js';

/** [canonical English name, Persian name, other spellings…] */
const PROVINCES: readonly (readonly string[])[] = [
  ['Alborz', 'البرز'],
  ['Ardabil', 'اردبیل', 'Ardebil'],
  ['Bushehr', 'بوشهر', 'Bushire'],
  ['Chaharmahal and Bakhtiari', 'چهارمحال و بختیاری', 'Chaharmahal-o-Bakhtiari', 'Chahar Mahaal and Bakhtiari'],
  ['East Azerbaijan', 'آذربایجان شرقی', 'East Azarbaijan', 'Azarbaijan-e Sharqi', 'Azerbaijan East'],
  ['Fars', 'فارس'],
  ['Gilan', 'گیلان', 'Guilan'],
  ['Golestan', 'گلستان'],
  ['Hamadan', 'همدان', 'Hamedan'],
  ['Hormozgan', 'هرمزگان'],
  ['Ilam', 'ایلام'],
  ['Isfahan', 'اصفهان', 'Esfahan', 'Ispahan'],
  ['Kerman', 'کرمان'],
  ['Kermanshah', 'کرمانشاه'],
  ['Khorasan Razavi', 'خراسان رضوی', 'Razavi Khorasan', 'Khorasan-e Razavi'],
  ['Khuzestan', 'خوزستان', 'Khouzestan'],
  ['Kohgiluyeh and Boyer-Ahmad', 'کهگیلویه و بویراحمد', 'Kohgiluyeh and Boyer Ahmad'],
  ['Kurdistan', 'کردستان', 'Kordestan'],
  ['Lorestan', 'لرستان', 'Luristan'],
  ['Markazi', 'مرکزی'],
  ['Mazandaran', 'مازندران'],
  ['North Khorasan', 'خراسان شمالی', 'Khorasan North'],
  ['Qazvin', 'قزوین', 'Ghazvin'],
  ['Qom', 'قم', 'Ghom'],
  ['Semnan', 'سمنان'],
  ['Sistan and Baluchestan', 'سیستان و بلوچستان', 'Sistan and Baluchistan', 'Sistan-o-Baluchestan'],
  ['South Khorasan', 'خراسان جنوبی', 'Khorasan South'],
  ['Tehran', 'تهران', 'Teheran'],
  ['West Azerbaijan', 'آذربایجان غربی', 'West Azarbaijan', 'Azarbaijan-e Gharbi', 'Azerbaijan West'],
  ['Yazd', 'یزد'],
  ['Zanjan', 'زنجان'],
];

/** The match key of a province spelling: normalised like names, and without hyphens. */
export function provinceKey(text: string): string {
  return normalizeForMatch(text).replace(/[-_'’.]/g, '');
}

const BY_KEY = new Map<string, readonly string[]>();
for (const spellings of PROVINCES) for (const s of spellings) BY_KEY.set(provinceKey(s), spellings);

/** Every match key of the province this spelling names (one key when the province is not known). */
export function provinceKeys(text: string): string[] {
  const key = provinceKey(text);
  const known = BY_KEY.get(key);
  return known ? [...new Set(known.map(provinceKey))] : [key];
}

/** The other spellings of a province name, or [] when the text is not a known province. */
export function provinceSpellings(text: string): readonly string[] {
  return BY_KEY.get(provinceKey(text)) ?? [];
}
