import { useEffect, useRef } from 'react';
import { Body1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '36rem',
    marginInline: 'auto',
    paddingBlock: tokens.spacingVerticalXXL,
    textAlign: 'center',
  },
  title: { ...typographyStyles.title2, margin: 0 },
  text: { margin: 0 },
});

/**
 * After `DELETE /me`: the tab shows only this until the person reloads. It calls nothing, because
 * any call that names the person (GET /me above all) would start a new profile for them at once.
 */
export default function ErasedState() {
  const styles = useStyles();
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The dialog that led here is gone with the view it stood in: give focus a place to land.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.root} role="status" aria-labelledby="erased-title" data-testid="erased">
      <h1 id="erased-title" tabIndex={-1} ref={heading} className={styles.title}>
        {t('privacy.erasedTitle')}
      </h1>
      <Body1 as="p" className={styles.text}>
        {t('privacy.erasedText')}
      </Body1>
    </section>
  );
}
