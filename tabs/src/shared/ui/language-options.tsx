import type { AppLanguage } from '../locale';

/** Each language named in itself, so anyone can find theirs whatever the UI language. */
const LANGUAGE_NAMES: Readonly<Record<AppLanguage, string>> = { en: 'English', nl: 'Nederlands' };

/** The `<option>`s of a language picker. */
export function LanguageOptions() {
  return (
    <>
      {(Object.keys(LANGUAGE_NAMES) as AppLanguage[]).map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </>
  );
}
