import type { Locale } from '../../domain/shared/person';

type Translate<K extends string> = (locale: Locale, key: K, values?: Readonly<Record<string, string | number>>) => string;

/** One lookup for every string table: picks the locale's text and fills `{name}` placeholders. */
export function translator<K extends string>(tables: Readonly<Record<Locale, Readonly<Record<K, string>>>>): Translate<K> {
  return (locale, key, values = {}) =>
    tables[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => (values[name] !== undefined ? String(values[name]) : `{${name}}`));
}
