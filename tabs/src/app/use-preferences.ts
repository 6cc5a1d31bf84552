import { useState } from 'react';
import type { KeyValueStore } from '../shared/local-store';
import type { AppLanguage } from '../shared/locale';
import { isAppLanguage } from '../shared/locale';
import type { ThemeName } from '../shared/theme-name';
import { isThemeName } from '../shared/theme-name';
import { preferenceKeys } from '../shared/preference-keys';

export interface Preferences {
  /** `null`: follow the browser's language. */
  readonly language: AppLanguage | null;
  /** `null`: follow the system's light/dark setting. */
  readonly theme: ThemeName | null;
  setLanguage(language: AppLanguage): void;
  setTheme(theme: ThemeName | null): void;
}

/** Standalone-mode choices, remembered across visits. */
export function usePreferences(store: KeyValueStore): Preferences {
  const [language, setLanguageState] = useState<AppLanguage | null>(() => {
    const stored = store.get(preferenceKeys.language);
    return isAppLanguage(stored) ? stored : null;
  });
  const [theme, setThemeState] = useState<ThemeName | null>(() => {
    const stored = store.get(preferenceKeys.theme);
    return isThemeName(stored) ? stored : null;
  });
  return {
    language,
    theme,
    setLanguage(next) {
      store.set(preferenceKeys.language, next);
      setLanguageState(next);
    },
    setTheme(next) {
      if (next) store.set(preferenceKeys.theme, next);
      else store.remove(preferenceKeys.theme);
      setThemeState(next);
    },
  };
}
