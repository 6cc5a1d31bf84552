import { Body1, Caption1, Link, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MyGoalView, MyLearningResponse } from '../../../../bot/src/api/contract';
import { hrefFor } from '../../shared/routes';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { useShortDate } from './learning-dates';
import { useListStyles } from './my-learning-lists';

const useStyles = makeStyles({
  streak: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
});

export function StreakSection({ streak }: { readonly streak: MyLearningResponse['streak'] }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <section className={section.section} aria-labelledby="my-streak">
      <h2 id="my-streak" className={section.heading}>
        {t('myLearning.streakTitle')}
      </h2>
      {streak.weeks === 0 ? (
        <Body1 as="p" className={styles.streak}>
          {t('myLearning.streakNone')}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.streak}>
            {streak.current ? t('myLearning.streakCurrent', { count: streak.weeks }) : t('myLearning.streakLast', { count: streak.weeks })}
          </Body1>
          <Caption1>{t('myLearning.streakLongest', { count: streak.longest })}</Caption1>
        </>
      )}
    </section>
  );
}

/** A goal's due day (YYYY-MM-DD, a calendar day of the team): written as that day wherever the reader is. */
const dueDay = (due: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${due}T12:00:00Z`),
  );

function useGoalText(locale: string) {
  const { t } = useTranslation();
  return (view: MyGoalView) => {
    const { goal } = view.progress;
    const team = view.teamName;
    if (goal.kind === 'skillCoverage')
      return {
        what: t('myLearning.goalSkill', { target: goal.target, team, skill: goal.skill, due: dueDay(goal.due, locale) }),
        period: '',
      };
    const period = t(goal.period === 'month' ? 'myLearning.periodMonth' : 'myLearning.periodQuarter');
    const key = goal.kind === 'sessions' ? 'goalSessions' : goal.kind === 'teachers' ? 'goalTeachers' : 'goalParticipation';
    return { what: t(`myLearning.${key}`, { target: goal.target, team, period }), period };
  };
}

/** My teams' goals with a progress bar each, and what I did towards it. */
export function GoalsSection({ goals, locale }: { readonly goals: readonly MyGoalView[]; readonly locale: string }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const list = useListStyles();
  const textOf = useGoalText(locale);
  return (
    <section className={section.section} aria-labelledby="my-goals">
      <h2 id="my-goals" className={section.heading}>
        {t('myLearning.goalsTitle')}
      </h2>
      {goals.length === 0 ? (
        <Body1 as="p" className={list.empty}>
          {t('myLearning.noGoals')}
        </Body1>
      ) : (
        <ul className={list.list}>
          {goals.map((view) => {
            const { what, period } = textOf(view);
            const { value, target, met, goal } = view.progress;
            const mine =
              goal.kind === 'skillCoverage'
                ? t(view.mine > 0 ? 'myLearning.goalMineTeach' : 'myLearning.goalMineNot')
                : t('myLearning.goalMine', { count: view.mine, period });
            const done = t('myLearning.goalProgress', { value, target });
            return (
              <li key={`${view.teamId}/${goal.goalId}`} className={list.item}>
                <Body1 as="p" className={list.empty}>
                  {what}
                </Body1>
                <ProgressBar
                  value={Math.min(value, target)}
                  max={target}
                  thickness="large"
                  color={met ? 'success' : 'brand'}
                  aria-label={`${what}: ${done}`}
                />
                <Caption1>
                  {done}
                  {met ? ` · ${t('myLearning.goalMet')}` : ''} · {mine}
                </Caption1>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Kudos received (an erased or unknown giver is "a former colleague"), buddies and what I said I'd apply. */
export function PeopleSections({ learning, locale }: { readonly learning: MyLearningResponse; readonly locale: string }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const list = useListStyles();
  const styles = useStyles();
  const day = useShortDate(locale);
  return (
    <>
      <section className={section.section} aria-labelledby="my-kudos">
        <h2 id="my-kudos" className={section.heading}>
          {t('myLearning.kudosTitle')}
        </h2>
        {learning.kudosReceived.length === 0 ? (
          <Body1 as="p" className={list.empty}>
            {t('myLearning.noKudos')}
          </Body1>
        ) : (
          <ul className={list.list}>
            {learning.kudosReceived.map((k) => (
              <li key={`${k.teamId}/${k.kudosId}`} className={list.item}>
                <Body1 as="p" className={styles.quote}>
                  {k.message}
                </Body1>
                <Caption1>{t('myLearning.kudosFrom', { name: k.fromName || t('people.formerColleague'), date: day(k.at) })}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={section.section} aria-labelledby="my-buddies">
        <h2 id="my-buddies" className={section.heading}>
          {t('myLearning.buddiesTitle')}
        </h2>
        {learning.buddies.length === 0 ? (
          <div className={list.row}>
            <Body1 as="p" className={list.empty}>
              {t('myLearning.noBuddies')}
            </Body1>
            <Link href={hrefFor({ name: 'buddies' })}>{t('myLearning.findBuddy')}</Link>
          </div>
        ) : (
          <ul className={list.list}>
            {learning.buddies.map((b) => (
              <li key={b.poolId} className={list.item}>
                <Body1>
                  {t('myLearning.buddyWith', {
                    names: b.names.map((n) => n || t('people.formerColleague')).join(', '),
                    date: day(b.endsAt),
                  })}
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={section.section} aria-labelledby="my-apply">
        <h2 id="my-apply" className={section.heading}>
          {t('myLearning.applyTitle')}
        </h2>
        {learning.apply.length === 0 ? (
          <Body1 as="p" className={list.empty}>
            {t('myLearning.noApply')}
          </Body1>
        ) : (
          <ul className={list.list}>
            {learning.apply.map((a) => (
              <li key={`${a.teamId}/${a.sessionId}`} className={list.item}>
                <Body1 as="p" className={styles.quote}>
                  {a.text}
                </Body1>
                <Caption1>{t('myLearning.applyFrom', { title: a.title, date: day(a.at) })}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
