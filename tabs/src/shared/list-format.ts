import { intlCache } from './intl-cache';

const cached = intlCache((locale, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options), 50);

/** One `Intl.ListFormat` per locale and options ("Anna, Bram and Chloé"); the board built one per card (≈ 2 ms each). */
export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return cached(locale, options);
}
