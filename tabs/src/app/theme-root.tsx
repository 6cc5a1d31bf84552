import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { ThemeName } from '../shared/theme-name';

const themes: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

/** Fluent's Teams theme for the app, and the same background on the page behind it. */
export function ThemeRoot({ theme, children }: { readonly theme: ThemeName; readonly children: ReactNode }) {
  const styles = useStyles();
  const fluentTheme = themes[theme];

  useEffect(() => {
    // The provider only paints its own box; without this, overscroll and short pages show a white strip.
    const root = document.documentElement;
    root.style.colorScheme = theme === 'light' ? 'light' : 'dark';
    root.style.backgroundColor = fluentTheme.colorNeutralBackground3;
    document.body.style.backgroundColor = fluentTheme.colorNeutralBackground3;
    root.dataset['theme'] = theme;
  }, [theme, fluentTheme]);

  return (
    // The page styles sit on an inner box: Fluent copies the provider's classes onto every portal
    // (menus, listboxes), and a full-height background there would cover the whole page.
    <FluentProvider theme={fluentTheme}>
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}
