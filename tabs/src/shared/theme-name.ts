/** The three Teams themes the tab supports. */
export type ThemeName = 'light' | 'dark' | 'contrast';

const themeNames: readonly ThemeName[] = ['light', 'dark', 'contrast'];

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (themeNames as readonly string[]).includes(value);
}

/** Teams calls its themes `default`, `dark` and `contrast` (newer hosts add others, e.g. `glass`). */
export function toThemeName(teamsTheme: string | undefined): ThemeName {
  switch (teamsTheme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}
