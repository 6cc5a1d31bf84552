import type { ApiLocale } from '../../../bot/src/api/contract';
import type { KeyValueStore } from './local-store';
import { preferenceKeys } from './preference-keys';

/** The languages the tab speaks; the same two the API knows. */
export type AppLanguage = ApiLocale;

export function isAppLanguage(value: unknown): value is AppLanguage {
  return value === 'en' || value === 'nl';
}

/** Any Dutch variant (`nl`, `nl-NL`, `nl-BE`) gets Dutch; everything else English. */
export function languageOf(locale: string | undefined): AppLanguage {
  return locale && /^nl(?:[-_]|$)/i.test(locale) ? 'nl' : 'en';
}

/** The language the app starts in (the entry and the app alike): the reader's choice, else the browser's. */
export function startLanguage(store: KeyValueStore, browserLocale: string): AppLanguage {
  const stored = store.get(preferenceKeys.language);
  return isAppLanguage(stored) ? stored : languageOf(browserLocale);
}

/**
 * The locale for dates and numbers: the host's full tag (e.g. `en-GB` keeps a 24-hour clock)
 * when it is a valid tag of the chosen language, otherwise the bare language.
 */
export function formattingLocale(language: AppLanguage, hostLocale: string | undefined): string {
  if (!hostLocale) return language;
  const tag = hostLocale.replace(/_/g, '-');
  if (tag.toLowerCase() !== language && !tag.toLowerCase().startsWith(`${language}-`)) return language;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? language;
  } catch {
    // A malformed tag from the host would make every Intl call throw.
    return language;
  }
}
