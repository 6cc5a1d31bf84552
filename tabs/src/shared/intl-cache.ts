/**
 * One Intl formatter per locale and options, made on first use. Building one costs far more than using it (ICU
 * resolves the locale's patterns, and a zone, each time); the board built the same ones per card (issue #16).
 * The keys are few (two languages, a handful of zones and option sets); the bound only guards against a page
 * that somehow cycles through many.
 */
export function intlCache<Options, Format>(
  make: (locale: string | undefined, options: Options) => Format,
  maxFormats: number,
): (locale: string | undefined, options: Options) => Format {
  const formats = new Map<string, Format>();
  return (locale, options) => {
    const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
    let format = formats.get(key);
    if (!format) {
      // Constructed before it is stored: a bad zone or locale throws here, as it did without the cache.
      format = make(locale, options);
      if (formats.size >= maxFormats) formats.clear();
      formats.set(key, format);
    }
    return format;
  };
}
