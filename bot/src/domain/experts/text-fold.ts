import { trimInvisible } from '../shared/visible-text';

/**
 * Text folding for skills, names and bios: insensitive to case, diacritics, spacing and punctuation,
 * so "Jörg", "jorg" and "JORG" are one term, and "Power BI", "power-bi" and "powerbi" one skill.
 */

/** Longer input is cut before any work: a 10 KB paste costs no more than a sentence. */
export const MAX_QUERY_CHARS = 200;
const MAX_TERMS = 8;
const MAX_TERM_CHARS = 40;

/** Lower case, no diacritics, `+`/`#` spelled out (C++, C#), every other non-letter/digit a space, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a text, each at most 40 characters, at most 8 of them. */
export function terms(text: string): string[] {
  const folded = fold(text.slice(0, MAX_QUERY_CHARS));
  if (folded === '') return [];
  return folded
    .split(' ')
    .slice(0, MAX_TERMS)
    .map((term) => term.slice(0, MAX_TERM_CHARS));
}

/** The spacing-free key of a skill or alias: "Power BI" and "powerbi" share `powerbi`. */
export function compactKey(text: string): string {
  return fold(text.slice(0, MAX_QUERY_CHARS)).replace(/ /g, '');
}

/** Spaces collapsed, control characters gone, trimmed (zero-width characters at the ends too): how a typed name is kept. */
export function cleanText(text: string): string {
  return trimInvisible(
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' '),
  );
}

/** How many typos a term of this length may carry: 0 up to 3 characters, 1 for 4–7, 2 from 8. */
export function typoBudget(term: string): number {
  const length = [...term].length;
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/**
 * Three rows of scratch space for `distanceWithin`, grown when needed and reused: a query compares
 * itself with hundreds of skill keys and words, and fresh arrays per comparison were most of a
 * query's time and garbage. Safe because the function is synchronous and never re-entered.
 */
let scratch = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal-string-alignment distance (a swap of neighbours counts once) between `a` and the first
 * `bLength` characters of `b` (all of it by default, so a prefix costs no slice), or undefined when
 * it exceeds `max`; stops as soon as every cell of a row is over the bound.
 */
export function distanceWithin(a: string, b: string, max: number, bLength = b.length): number | undefined {
  const n = Math.min(bLength, b.length);
  if (n === b.length && a === b) return 0;
  if (Math.abs(a.length - n) > max) return undefined;
  if (n !== b.length && b.startsWith(a) && a.length === n) return 0;
  if (max === 0) return undefined;
  if (scratch[0].length < n + 1) scratch = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prevPrev, prev, row] = scratch;
  for (let j = 0; j <= n; j += 1) {
    prevPrev[j] = 0;
    prev[j] = j;
    row[j] = 0;
  }
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return undefined;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  const result = prev[n] ?? max + 1;
  return result <= max ? result : undefined;
}
