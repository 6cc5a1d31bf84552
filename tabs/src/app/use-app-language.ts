import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '../shared/locale';

/** Switches the UI language before paint, and tells assistive tech which language the page is in. */
export function useAppLanguage(language: AppLanguage): void {
  const { i18n } = useTranslation();
  useLayoutEffect(() => {
    // Not awaited: the resources are bundled, so the switch is done before paint, and i18next settles
    // changeLanguage without rejecting (a missing key or language goes to its logger).
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
}
