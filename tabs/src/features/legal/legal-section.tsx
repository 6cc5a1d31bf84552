import type { ReactNode } from 'react';
import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';

const useSectionStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  text: { margin: 0 },
});

/** A titled part of a legal page. */
export function LegalSection({ heading, children }: { readonly heading?: string; readonly children: ReactNode }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section}>
      {heading ? (
        <Subtitle1 as="h2" className={styles.heading}>
          {heading}
        </Subtitle1>
      ) : null}
      {children}
    </section>
  );
}

/** Paragraphs, or a bulleted list when there is more than one point. */
export function LegalPoints({ points }: { readonly points: readonly string[] }) {
  const styles = useSectionStyles();
  if (points.length === 1) {
    return (
      <Body1 as="p" className={styles.text}>
        {points[0]}
      </Body1>
    );
  }
  return (
    <ul className={styles.list}>
      {points.map((point) => (
        <li key={point}>
          <Body1>{point}</Body1>
        </li>
      ))}
    </ul>
  );
}
