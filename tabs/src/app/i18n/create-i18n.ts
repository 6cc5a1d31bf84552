import { createInstance } from 'i18next';
import type { i18n } from 'i18next';
import type { AppLanguage } from '../../shared/locale';
import type { en } from './en';
import type { insightsEn } from '../../features/insights/i18n/en';

/** One language's strings (`en` is the reference; `nl` has exactly its keys, the compiler checks). */
export type Catalogue = typeof en;

declare module 'i18next' {
  // Typed keys: `t('board.upcomng')` is a compile error anywhere in the tab.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // `insights` loads with the Insights view's chunk (features/insights/insights-strings.ts), not with the board.
    resources: { translation: Catalogue; insights: typeof insightsEn };
  }
}

/**
 * One instance per app root (not the global singleton), so tests stay independent. It starts with the
 * one language the reader reads (app/i18n/catalogues.ts loads it); another is added when they switch.
 */
export function createI18n(language: AppLanguage, catalogue: Catalogue): i18n {
  const instance = createInstance({
    lng: language,
    // Both catalogues have every key (typed), so there is nothing to fall back to, and no reason to fetch English for a Dutch reader.
    fallbackLng: false,
    supportedLngs: ['en', 'nl'],
    resources: { [language]: { translation: catalogue } },
    // The strings are already here, so initialise synchronously: the first render is already translated.
    initAsync: false,
    // React escapes output itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Settled already (initAsync: false); i18next reports init problems to its logger, never as a rejection.
  void instance.init();
  return instance;
}
