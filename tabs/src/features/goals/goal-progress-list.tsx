import { Body1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { GoalProgress } from '../../../../bot/src/api/contract';
import { useGoalWords } from './goal-words';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0, overflowWrap: 'anywhere' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Each goal in words with how far the team is: a bar with its value in text beside it (the bar alone says nothing to a screen reader). */
export function GoalProgressList({ goals, locale }: { readonly goals: readonly GoalProgress[]; readonly locale: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useGoalWords(locale);
  return (
    <ul className={styles.list}>
      {goals.map((p) => {
        const name = words.describe(p.goal);
        const status = p.met ? t('goals.progress.met') : t('goals.progress.daysLeft', { count: p.daysLeft });
        return (
          <li key={p.goal.goalId}>
            <Body1 as="p" className={styles.text}>
              <strong>{name}</strong>
            </Body1>
            <ProgressBar
              value={Math.min(1, p.target > 0 ? p.value / p.target : 0)}
              color={p.met ? 'success' : 'brand'}
              thickness="large"
              aria-label={name}
              aria-valuetext={words.value(p)}
            />
            <Body1 as="p" className={styles.meta}>
              {words.value(p)} · {status}
            </Body1>
          </li>
        );
      })}
    </ul>
  );
}
