import { Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LegalPoints, LegalSection } from './legal-section';

/** Short terms for an internal tool (texts: app/i18n/*-legal.ts). */
export function TermsOfUse() {
  const { t } = useTranslation();
  return (
    <>
      <LegalSection>
        <LegalPoints points={[t('legal.terms.intro')]} />
      </LegalSection>
      <LegalSection>
        <LegalPoints
          points={[
            t('legal.terms.use'),
            t('legal.terms.content'),
            t('legal.terms.policies'),
            t('legal.terms.owners'),
            t('legal.terms.asIs'),
          ]}
        />
      </LegalSection>
      <LegalSection>
        <LegalPoints points={[t('legal.terms.changes')]} />
        <Link href="?view=privacy">{t('legal.terms.privacy')}</Link>
      </LegalSection>
    </>
  );
}
