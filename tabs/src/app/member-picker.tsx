import { Body1, Button, Title2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DevMember } from '../../../bot/src/api/contract';
import { memberKey } from '../shared/dev-auth';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '36rem' },
  title: { margin: 0 },
  intro: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  member: { width: '100%', justifyContent: 'flex-start' },
});

interface MemberPickerProps {
  readonly members: readonly DevMember[];
  readonly onPick: (member: DevMember) => void;
}

/** Standalone dev mode's front door: act as one of the demo members. */
export function MemberPicker({ members, onPick }: MemberPickerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const titleId = useId('pick-member');
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Title2 as="h1" id={titleId} className={styles.title}>
        {t('standalone.pickTitle')}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {t('standalone.pickIntro')}
      </Body1>
      <ul className={styles.list} aria-label={t('standalone.pickListLabel')}>
        {members.map((member) => (
          <li key={memberKey(member)}>
            <Button className={styles.member} size="large" onClick={() => onPick(member)}>
              {member.displayName}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
