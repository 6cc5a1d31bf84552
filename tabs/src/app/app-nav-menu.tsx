import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { NavEntry, NavItem } from './nav-items';

const useStyles = makeStyles({
  current: { fontWeight: tokens.fontWeightSemibold },
});

interface AppNavMenuProps {
  readonly items: readonly NavEntry[];
  readonly selected: NavItem | undefined;
  readonly onNavigate: (item: NavItem) => void;
}

/** The navigation as one menu button, below 720 px where the tabs do not fit (its own chunk: see app-nav.tsx). */
export default function AppNavMenu({ items, selected, onNavigate }: AppNavMenuProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const selectedItem = items.find((item) => item.name === selected);
  return (
    <Menu
      checkedValues={{ view: selected ? [selected] : [] }}
      onCheckedValueChange={(_, data) => {
        const next = items.find((item) => item.name === data.checkedItems[0]);
        if (next) onNavigate(next.name);
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
  );
}
