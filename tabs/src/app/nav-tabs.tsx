import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { NavEntry, NavItem } from './nav-items';

// Fluent's TabList look (medium, transparent) on plain buttons. TabList's arrow-key handling comes from
// tabster, which with TabList weighed ≈ 22 KB gzip of the board's first paint and nothing else on the
// board used (bench/board-load.mjs, issue #16); the roving focus below is the part of it the nav needs.
const useStyles = makeStyles({
  list: { display: 'flex', alignItems: 'stretch', minWidth: 0 },
  tab: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    flexShrink: 0,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalMNudge,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    // The selection bar under the label, as Fluent draws it.
    '::after': {
      content: '""',
      position: 'absolute',
      insetInline: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: 'transparent',
    },
    ':hover': { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorTransparentBackgroundHover },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    // Hover colours come in pairs with the hover background (cyan in the high-contrast theme).
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
});

interface NavTabsProps {
  readonly className: string;
  readonly items: readonly NavEntry[];
  readonly selected: NavItem | undefined;
  readonly onSelect: (item: NavItem) => void;
}

/** The views as a tab list: one tab stop, arrow keys (and Home/End) move between tabs, Enter or Space opens one. */
export function NavTabs({ className, items, selected, onSelect }: NavTabsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const focusable = selected ?? items[0]?.name;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = tabs.findIndex((tab) => tab === document.activeElement);
    if (at < 0) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : step === undefined
            ? undefined
            : (at + step + tabs.length) % tabs.length;
    if (next === undefined) return;
    event.preventDefault();
    tabs[next]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-orientation="horizontal" className={mergeClasses(styles.list, className)} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.name}
          type="button"
          role="tab"
          aria-selected={item.name === selected}
          tabIndex={item.name === focusable ? 0 : -1}
          data-nav={item.name}
          className={mergeClasses(styles.tab, item.name === selected && styles.selected)}
          onClick={() => onSelect(item.name)}
        >
          {t(`nav.${item.label}`)}
        </button>
      ))}
    </div>
  );
}
