import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '../shared/locale';

/** Switches the UI language before paint, and tells assistive tech which language the page is in. */
export function useAppLanguage(language: AppLanguage): void {
  const { i18n } = useTranslation();
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
}
