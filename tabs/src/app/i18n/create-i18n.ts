import { createInstance } from 'i18next';
import type { i18n } from 'i18next';
import type { AppLanguage } from '../../shared/locale';
import { en } from './en';
import { nl } from './nl';
import type { insightsEn } from '../../features/insights/i18n/en';

declare module 'i18next' {
  // Typed keys: `t('board.upcomng')` is a compile error anywhere in the tab.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // `insights` loads with the Insights view's chunk (features/insights/insights-strings.ts), not with the board.
    resources: { translation: typeof en; insights: typeof insightsEn };
  }
}

/** One instance per app root (not the global singleton), so tests stay independent. */
export function createI18n(language: AppLanguage): i18n {
  const instance = createInstance({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'nl'],
    resources: { en: { translation: en }, nl: { translation: nl } },
    // Resources are bundled, so initialise synchronously: the first render is already translated.
    initAsync: false,
    // React escapes output itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Settled already (initAsync: false); i18next reports init problems to its logger, never as a rejection.
  void instance.init();
  return instance;
}
