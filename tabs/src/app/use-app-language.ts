import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '../shared/locale';
import { switchLanguage } from './i18n/catalogues';

/** Switches the UI language (before paint when its strings are here), and tells assistive tech which language the page is in. */
export function useAppLanguage(language: AppLanguage): void {
  const { i18n } = useTranslation();
  useLayoutEffect(() => {
    if (i18n.language === language) {
      document.documentElement.lang = language;
      return;
    }
    let current = true;
    // Only the starting language is loaded up front; another one arrives as its own chunk. <html lang>
    // follows the strings on screen, so the page never claims a language it does not show yet.
    void switchLanguage(i18n, language, () => current).then((switched) => {
      if (switched) document.documentElement.lang = language;
    });
    return () => {
      current = false;
    };
  }, [i18n, language]);
}
