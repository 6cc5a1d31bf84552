import { useSyncExternalStore } from 'react';
import type { ThemeName } from './theme-name';

const darkQuery = '(prefers-color-scheme: dark)';
// Windows high-contrast modes force colours; the contrast theme is the one built for them.
const forcedColorsQuery = '(forced-colors: active)';

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function readSystemTheme(): ThemeName {
  if (matches(forcedColorsQuery)) return 'contrast';
  return matches(darkQuery) ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const lists = [darkQuery, forcedColorsQuery].map((query) => window.matchMedia(query));
  for (const list of lists) list.addEventListener('change', onChange);
  return () => {
    for (const list of lists) list.removeEventListener('change', onChange);
  };
}

/** The operating system's light/dark/high-contrast preference, live. */
export function useSystemTheme(): ThemeName {
  return useSyncExternalStore(subscribe, readSystemTheme, () => 'light');
}
