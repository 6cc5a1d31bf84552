import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  header: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    boxSizing: 'border-box',
    maxWidth: '75rem',
    marginInline: 'auto',
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
    '@media (max-width: 480px)': {
      paddingBlock: tokens.spacingVerticalM,
      paddingInline: tokens.spacingHorizontalM,
    },
  },
});

/** The page frame: an optional banner (standalone settings) and the one `main` landmark. */
export function PageLayout({ header, children }: { readonly header?: ReactNode; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      {header ? <header className={styles.header}>{header}</header> : null}
      <main className={styles.main}>{children}</main>
    </>
  );
}
