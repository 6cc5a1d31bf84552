import type { ReactNode } from 'react';
import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    textAlign: 'center',
    maxWidth: '36rem',
    marginInline: 'auto',
    paddingBlock: tokens.spacingVerticalXXL,
    paddingInline: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
  text: { margin: 0 },
});

interface MessageStateProps {
  readonly title: string;
  readonly text?: string;
  /** The heading level that fits where the message sits in the page outline. */
  readonly headingLevel?: 2 | 3;
  readonly role?: 'alert' | 'status';
  readonly children?: ReactNode;
}

/** A friendly block for empty and informational states (optionally with an action). */
export function MessageState({ title, text, headingLevel = 2, role, children }: MessageStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role={role}>
      <Subtitle1 as={headingLevel === 2 ? 'h2' : 'h3'} align="center" className={styles.title}>
        {title}
      </Subtitle1>
      {text ? (
        <Body1 as="p" align="center" className={styles.text}>
          {text}
        </Body1>
      ) : null}
      {children}
    </div>
  );
}
