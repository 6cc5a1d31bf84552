import { Suspense, lazy } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '../shared/use-media-query';
import { items } from './nav-items';
import { NavTabs } from './nav-tabs';
import type { NavItem } from './nav-items';
import type { Route } from './routes';

// The menu (with Fluent's popover positioning, ≈ 17 KB gzip) is needed only on a narrow screen, so it
// loads only there: a wide board's first paint does not carry it (bench/board-load.mjs, issue #16).
const AppNavMenu = lazy(() => import('./app-nav-menu'));
const narrowQuery = '(max-width: 719px)';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', minWidth: 0 },
  // Seven tabs need about 680 px; below that one menu button takes their place.
  wide: { display: 'flex', minWidth: 0, '@media (max-width: 719px)': { display: 'none' } },
  narrow: { display: 'none', '@media (max-width: 719px)': { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS } },
});

/** Which nav item a route belongs to (session detail and planning live under the board). */
function navItemOf(route: Route): NavItem | undefined {
  switch (route.name) {
    case 'session':
    case 'plan':
    case 'buddies':
    case 'open':
    case 'board':
      return 'board';
    case 'experts':
      return 'experts';
    case 'tips':
    case 'my-learning':
    case 'profile':
    case 'insights':
    case 'settings':
      return route.name;
    default:
      return undefined;
  }
}

function routeOf(item: NavItem): Route {
  return item === 'experts' ? { name: 'experts', query: '' } : { name: item };
}

export function AppNav({ route, onNavigate }: { readonly route: Route; readonly onNavigate: (route: Route) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const selected = navItemOf(route);
  const narrow = useMediaQuery(narrowQuery);
  return (
    <nav className={styles.root} aria-label={t('nav.label')}>
      <NavTabs className={styles.wide} items={items} selected={selected} onSelect={(item) => onNavigate(routeOf(item))} />
      {narrow ? (
        <div className={styles.narrow}>
          <Suspense fallback={null}>
            <AppNavMenu items={items} selected={selected} onNavigate={(item) => onNavigate(routeOf(item))} />
          </Suspense>
        </div>
      ) : null}
    </nav>
  );
}
