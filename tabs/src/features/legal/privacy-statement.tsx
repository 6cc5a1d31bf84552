import { useTranslation } from 'react-i18next';
import { LegalPoints, LegalSection } from './legal-section';

/** What PeerLearn stores, why, how long, who sees it, and how to export or erase it (texts: app/i18n/*-legal.ts). */
export function PrivacyStatement() {
  const { t } = useTranslation();
  return (
    <>
      <LegalSection>
        <LegalPoints points={[t('legal.privacy.intro')]} />
      </LegalSection>
      <LegalSection heading={t('legal.privacy.storesHeading')}>
        <LegalPoints
          points={[
            t('legal.privacy.storesProfile'),
            t('legal.privacy.storesMemberships'),
            t('legal.privacy.storesSessions'),
            t('legal.privacy.storesContributions'),
            t('legal.privacy.storesDelivery'),
            t('legal.privacy.storesNothingElse'),
          ]}
        />
      </LegalSection>
      <LegalSection heading={t('legal.privacy.whyHeading')}>
        <LegalPoints points={[t('legal.privacy.why')]} />
      </LegalSection>
      <LegalSection heading={t('legal.privacy.howLongHeading')}>
        <LegalPoints
          points={[
            t('legal.privacy.howLongTeam'),
            t('legal.privacy.howLongDelivery'),
            t('legal.privacy.howLongUninstall'),
            t('legal.privacy.howLongErase'),
          ]}
        />
      </LegalSection>
      <LegalSection heading={t('legal.privacy.whoHeading')}>
        <LegalPoints
          points={[
            t('legal.privacy.whoTeam'),
            t('legal.privacy.whoOrganisation'),
            t('legal.privacy.whoHost'),
            t('legal.privacy.whoOwners'),
            t('legal.privacy.whoOutside'),
          ]}
        />
      </LegalSection>
      <LegalSection heading={t('legal.privacy.rightsHeading')}>
        <LegalPoints points={[t('legal.privacy.rightsExport'), t('legal.privacy.rightsErase'), t('legal.privacy.rightsQuestions')]} />
      </LegalSection>
    </>
  );
}
