import { useState } from 'react';
import { Body1, Card, MessageBar, MessageBarBody, Text, ToggleButton, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MET_ANSWERS, ORGANISATION_POOL } from '../../../../bot/src/api/contract';
import type { MetAnswer, MyBuddyView } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { answerBuddyMet } from './buddies-api';
import { useBuddyWords } from './buddy-words';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  text: { margin: 0, overflowWrap: 'anywhere' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  answers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  question: { fontWeight: tokens.fontWeightSemibold },
});

interface CurrentBuddyProps {
  readonly api: ApiClient;
  /** The team the tab is about: a tenant-wide pair answers through it with `?pool=organisation`. */
  readonly teamId: string;
  readonly buddy: MyBuddyView;
  readonly locale: string;
}

type Saving = { readonly state: 'idle' | 'busy' | 'saved' } | { readonly state: 'failed'; readonly error: unknown };

/** My pair in one pool: who, why (in my language), a first topic, until when, and "did you meet?". */
export function CurrentBuddy({ api, teamId, buddy, locale }: CurrentBuddyProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const [answer, setAnswer] = useState<MetAnswer | undefined>(buddy.myAnswer);
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const headingId = useId('buddy-current');
  const questionId = useId('buddy-met');

  const answerWith = async (next: MetAnswer) => {
    const before = answer;
    setAnswer(next);
    setSaving({ state: 'busy' });
    try {
      await answerBuddyMet(api, teamId, buddy.poolId, buddy.roundId, next);
      setSaving({ state: 'saved' });
    } catch (error) {
      // The pressed answer goes back to what is stored.
      setAnswer(before);
      setSaving({ state: 'failed', error });
    }
  };

  const organisation = buddy.poolId === ORGANISATION_POOL;
  return (
    <Card className={styles.card} role="article" aria-labelledby={headingId} data-testid="current-buddy">
      <Text as="h3" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {organisation ? t('buddies.current.headingOrganisation') : t('buddies.current.heading')}
      </Text>
      <Body1 as="p" className={styles.text}>
        {t('buddies.current.with', { names: words.names(buddy.buddies) })}
      </Body1>
      <ul className={styles.lines}>
        {words.reasonLines(buddy.reason, buddy.buddies, 'mine').map((line) => (
          <li key={line}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
      {buddy.firstTopic ? (
        <Body1 as="p" className={styles.text}>
          {t('buddies.current.firstTopic', { skill: buddy.firstTopic })}
        </Body1>
      ) : null}
      <Body1 as="p" className={styles.meta}>
        {t('buddies.current.until', { date: words.dateTime(buddy.endsAt, locale) })}
      </Body1>
      <div className={styles.answers} role="group" aria-labelledby={questionId}>
        <span id={questionId} className={styles.question}>
          {t('buddies.current.met')}
        </span>
        {MET_ANSWERS.map((option) => (
          <ToggleButton
            key={option}
            size="small"
            checked={answer === option}
            disabled={saving.state === 'busy'}
            onClick={() => void answerWith(option)}
          >
            {t(`buddies.current.answers.${option}`)}
          </ToggleButton>
        ))}
      </div>
      {saving.state === 'saved' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('buddies.current.answered')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {saving.state === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('buddies.current.answerFailed')} {t(`common.errors.${errorMessageKey(saving.error)}`, errorMessageValues(saving.error))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}
