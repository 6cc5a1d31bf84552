/**
 * One `Intl.DateTimeFormat` per locale and options. Building one costs far more than using it (ICU
 * resolves the locale's patterns and the zone each time), and the board built the same six per card:
 * ~70 ms of a 24-card first render (issue #16). The keys are few (two languages, a handful of zones
 * and option sets); the bound only guards against a page that somehow cycles through many zones.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATS = 200;

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Constructed before it is stored: a bad zone or locale throws here, as it did without the cache.
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}
