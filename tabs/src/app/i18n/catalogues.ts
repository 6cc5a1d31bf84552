import type { i18n } from 'i18next';
import type { AppLanguage } from '../../shared/locale';
import type { Catalogue } from './create-i18n';

// Each language is its own chunk, so a reader downloads only the strings they read (issue #16): the
// app asks for the active one as it starts, in parallel with Teams' handshake, and the other one only
// if the reader switches.
const loaders: Record<AppLanguage, () => Promise<Catalogue>> = {
  en: () => import('./en').then((m) => m.en),
  nl: () => import('./nl').then((m) => m.nl),
};

const loading = new Map<AppLanguage, Promise<Catalogue>>();

/** The language's strings; one request per language per page, retried on the next call if it failed. */
export function loadCatalogue(language: AppLanguage): Promise<Catalogue> {
  const known = loading.get(language);
  if (known) return known;
  const started = loaders[language]();
  loading.set(language, started);
  started.catch(() => loading.delete(language));
  return started;
}

/**
 * Switches to `language` once its strings are here. Until then the page stays in the language it
 * has (never a screen of raw keys). Resolves false when the strings could not be loaded, or when
 * `stillWanted` says the reader chose otherwise while they were on their way.
 */
export async function switchLanguage(instance: i18n, language: AppLanguage, stillWanted: () => boolean = () => true): Promise<boolean> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    let catalogue: Catalogue;
    try {
      catalogue = await loadCatalogue(language);
    } catch {
      return false;
    }
    if (!instance.hasResourceBundle(language, 'translation')) instance.addResourceBundle(language, 'translation', catalogue);
    if (!stillWanted()) return false;
  }
  // i18next settles changeLanguage without rejecting (a missing key or language goes to its logger).
  await instance.changeLanguage(language);
  return true;
}
