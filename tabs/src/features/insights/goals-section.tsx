import { Body1, Link, ProgressBar, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { GoalProgress } from '../../../../bot/src/api/contract';
import { hrefFor } from '../../shared/routes';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';

const useStyles = makeStyles({
  goal: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  met: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface GoalsSectionProps {
  readonly goals: readonly GoalProgress[];
  readonly owner: boolean;
  readonly locale: string;
}

/** The team's goals with how far they are in the current period; owners get the way to Settings. */
export function GoalsSection({ goals, owner, locale }: GoalsSectionProps) {
  const shared = useInsightsStyles();
  const headingId = useId('insights-goals');
  const { t } = useTranslation(INSIGHTS_NS);
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="insights-goals">
      <h2 id={headingId} className={shared.heading}>
        {t('goals.title')}
      </h2>
      {goals.length === 0 ? (
        <Body1 as="p" className={shared.hint}>
          {t('goals.none')}
        </Body1>
      ) : (
        <ul className={shared.list}>
          {goals.map((progress) => (
            <li key={progress.goal.goalId}>
              <Goal progress={progress} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      {owner ? <Link href={hrefFor({ name: 'settings' })}>{t('goals.setInSettings')}</Link> : null}
    </section>
  );
}

function Goal({ progress, locale }: { readonly progress: GoalProgress; readonly locale: string }) {
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const { goal } = progress;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const label =
    goal.kind === 'skillCoverage'
      ? t('goals.kinds.skillCoverage', {
          target: number.format(goal.target),
          skill: goal.skill,
          // `due` is a calendar date of the team's zone: formatted as that date, not shifted by any zone.
          due: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${goal.due}T00:00:00Z`)),
        })
      : t(`goals.kinds.${goal.kind}`, { target: number.format(goal.target), period: t(`goals.periods.${goal.period}`) });
  const percent = goal.kind === 'teachers' || goal.kind === 'participation';
  const values = { value: number.format(progress.value), target: number.format(progress.target) };
  const labelId = useId('goal');
  return (
    <div className={styles.goal} data-testid="insights-goal">
      <div className={styles.line}>
        <Text id={labelId} weight="semibold">
          {label}
        </Text>
        <Text>
          {percent ? t('goals.progressPercent', values) : t('goals.progress', values)}
          {' · '}
          {progress.met ? <span className={styles.met}>{t('goals.met')}</span> : t('goals.daysLeft', { count: progress.daysLeft })}
        </Text>
      </div>
      <ProgressBar
        aria-labelledby={labelId}
        value={Math.min(progress.value, progress.target)}
        max={progress.target}
        color={progress.met ? 'success' : 'brand'}
        thickness="large"
      />
    </div>
  );
}
