import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Route } from './routes';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', minWidth: 0 },
  // Seven tabs need about 680 px; below that one menu button takes their place.
  wide: { display: 'flex', minWidth: 0, '@media (max-width: 719px)': { display: 'none' } },
  narrow: { display: 'none', '@media (max-width: 719px)': { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS } },
  current: { fontWeight: tokens.fontWeightSemibold },
});

type NavItem = 'board' | 'experts' | 'tips' | 'my-learning' | 'profile' | 'insights' | 'settings';

const items: readonly {
  readonly name: NavItem;
  readonly label: 'board' | 'experts' | 'tips' | 'myLearning' | 'profile' | 'insights' | 'settings';
}[] = [
  { name: 'board', label: 'board' },
  { name: 'experts', label: 'experts' },
  { name: 'tips', label: 'tips' },
  { name: 'my-learning', label: 'myLearning' },
  { name: 'profile', label: 'profile' },
  { name: 'insights', label: 'insights' },
  { name: 'settings', label: 'settings' },
];

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
  const selectedItem = items.find((item) => item.name === selected);
  return (
    <nav className={styles.root} aria-label={t('nav.label')}>
      <TabList
        className={styles.wide}
        selectedValue={selected ?? null}
        onTabSelect={(_, data) => onNavigate(routeOf(data.value as NavItem))}
      >
        {items.map((item) => (
          <Tab key={item.name} value={item.name} data-nav={item.name}>
            {t(`nav.${item.label}`)}
          </Tab>
        ))}
      </TabList>
      <div className={styles.narrow}>
        <Menu
          checkedValues={{ view: selected ? [selected] : [] }}
          onCheckedValueChange={(_, data) => {
            const next = data.checkedItems[0] as NavItem | undefined;
            if (next) onNavigate(routeOf(next));
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" aria-label={`${t('nav.menu')}${selectedItem ? `: ${t(`nav.${selectedItem.label}`)}` : ''}`}>
              <span aria-hidden="true">☰&nbsp;</span>
              <span className={styles.current}>{selectedItem ? t(`nav.${selectedItem.label}`) : t('nav.menu')}</span>
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {items.map((item) => (
                <MenuItemRadio key={item.name} name="view" value={item.name}>
                  {t(`nav.${item.label}`)}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
    </nav>
  );
}
