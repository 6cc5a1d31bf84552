import { Button, Link, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PublicRoute } from '../../shared/routes';
import { PrivacyStatement } from './privacy-statement';
import { TermsOfUse } from './terms-of-use';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44rem', marginInline: 'auto' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  title: { margin: 0 },
});

interface LegalPageProps {
  readonly page: PublicRoute['name'];
  /** Switches the page to the other language (nl ↔ en). */
  readonly onSwitchLanguage: () => void;
}

/**
 * The privacy statement or the terms of use: plain text from the catalogues, no sign-in and no API
 * call, so the manifest's links open for anyone, anywhere, also while the service's API is down.
 */
export default function LegalPage({ page, onSwitchLanguage }: LegalPageProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'nl' ? 'en' : 'nl';
  return (
    <article className={styles.root} data-testid={`legal-${page}`} aria-labelledby="legal-title">
      <div className={styles.bar}>
        <nav className={styles.links} aria-label={t('app.name')}>
          <Link href="?view=privacy" aria-current={page === 'privacy' ? 'page' : undefined}>
            {t('legal.privacyLink')}
          </Link>
          <Link href="?view=terms" aria-current={page === 'terms' ? 'page' : undefined}>
            {t('legal.termsLink')}
          </Link>
        </nav>
        <Button appearance="subtle" lang={other} aria-label={t('legal.switchLanguageLabel')} onClick={onSwitchLanguage}>
          {t('legal.switchLanguage')}
        </Button>
      </div>
      <Title2 as="h1" id="legal-title" className={styles.title}>
        {page === 'privacy' ? t('legal.privacy.title') : t('legal.terms.title')}
      </Title2>
      {page === 'privacy' ? <PrivacyStatement /> : <TermsOfUse />}
    </article>
  );
}
