// Persian text normalisation (DOMAIN.md, "Persian text"): one function used for search keys,
// entity linking and comparisons, so «صنايع كوچك» and «صنایع کوچک» meet.

const ARABIC_TO_PERSIAN: Record<string, string> = {
  '\u064A': '\u06CC', // ي Arabic yeh → ی
  '\u0649': '\u06CC', // ى alef maksura → ی
  '\u0643': '\u06A9', // ك Arabic kaf → ک
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u06C0': '\u0647', // ۀ heh with yeh above → ه
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
};

// Harakat, tanwin, shadda, sukun, superscript alef, and Quranic marks.
const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
// ZWNJ, ZWJ, other zero-width and bidi marks, soft hyphen.
const JOINERS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD\uFEFF]/g;
const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
const ARABIC_DIGITS = /[\u0660-\u0669]/g;

/** Maps Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII. */
export function toAsciiDigits(text: string): string {
  return text
    .replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * The matching form of a name: Persian letters for their Arabic twins, no diacritics or tatweel,
 * ASCII digits, lower case, and zero-width joiners and spaces folded away, so «شرکت‌های»,
 * «شرکتهای» and «شرکت های» give the same key.
 */
export function normalizeForMatch(text: string): string {
  return foldSpaces(normalizeLetters(text)).replace(/ /g, '');
}

/**
 * Like normalizeForMatch but keeps word boundaries (ZWNJ becomes nothing, whitespace one space):
 * the form full-text search and entity linking tokenise.
 */
export function normalizeText(text: string): string {
  return foldSpaces(normalizeLetters(text));
}

function normalizeLetters(text: string): string {
  let out = text.normalize('NFC');
  out = out.replace(/[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671]/g, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch);
  out = out.replace(DIACRITICS, '').replace(TATWEEL, '').replace(JOINERS, '');
  return toAsciiDigits(out).toLowerCase();
}

function foldSpaces(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}
