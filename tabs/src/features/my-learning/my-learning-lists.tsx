import { Body1, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MeResponse, MySessionView, MySkillView } from '../../../../bot/src/api/contract';
import { hrefFor } from '../../shared/routes';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { useShortDate } from './learning-dates';
import { SkillSparkline } from './skill-sparkline';

export const useListStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  empty: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** Sessions I taught or attended: title (to the session), team and day; an empty list invites the next step. */
export function MySessionsSection(props: {
  readonly id: string;
  readonly title: string;
  readonly sessions: readonly MySessionView[];
  readonly empty: string;
  readonly locale: string;
  readonly planTeamId: string | undefined;
}) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useListStyles();
  const day = useShortDate(props.locale);
  return (
    <section className={section.section} aria-labelledby={props.id}>
      <h2 id={props.id} className={section.heading}>
        {props.title}
      </h2>
      {props.sessions.length === 0 ? (
        <>
          <Body1 as="p" className={styles.empty}>
            {props.empty}
          </Body1>
          <div className={styles.actions}>
            {props.planTeamId ? (
              <Link href={hrefFor({ name: 'plan', teamId: props.planTeamId })}>{t('myLearning.planSession')}</Link>
            ) : null}
            <Link href={hrefFor({ name: 'experts', query: '' })}>{t('myLearning.findExpert')}</Link>
          </div>
        </>
      ) : (
        <ul className={styles.list}>
          {props.sessions.map((s) => (
            <li key={`${s.teamId}/${s.sessionId}`} className={styles.item}>
              <Link href={hrefFor({ name: 'session', teamId: s.teamId, sessionId: s.sessionId })}>{s.title}</Link>
              <Caption1>{t('myLearning.sessionWhere', { team: s.teamName, date: day(s.startsAt) })}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** My skills: each with its level over time (a sparkline named in words), what I want to learn, and the profile link. */
export function MySkillsSection({
  skills,
  me,
  locale,
  now,
}: {
  readonly skills: readonly MySkillView[];
  readonly me: MeResponse;
  readonly locale: string;
  readonly now: number;
}) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const styles = useListStyles();
  const day = useShortDate(locale);
  return (
    <section className={section.section} aria-labelledby="my-skills">
      <h2 id="my-skills" className={section.heading}>
        {t('myLearning.mySkills')}
      </h2>
      {skills.length === 0 ? (
        <Body1 as="p" className={styles.empty}>
          {t('myLearning.noSkills')}
        </Body1>
      ) : (
        <ul className={styles.list}>
          {skills.map((skill) => {
            const steps = skill.history.map((p) => t('myLearning.skillStep', { level: p.level, date: day(p.at) })).join(', ');
            const last = skill.history.at(-1);
            return (
              <li key={skill.name} className={styles.item}>
                <div className={styles.row}>
                  <Body1 as="span">
                    <strong>{skill.name}</strong>
                  </Body1>
                  <SkillSparkline skill={skill} now={now} label={t('myLearning.skillHistory', { skill: skill.name, steps })} />
                </div>
                <Caption1>{t('myLearning.skillLevel', { level: skill.level, date: day(last?.at ?? skill.since) })}</Caption1>
              </li>
            );
          })}
        </ul>
      )}
      {me.wants.length > 0 ? (
        <Body1 as="p" className={styles.empty}>
          {t('myLearning.wants')}: {me.wants.join(', ')}
        </Body1>
      ) : null}
      <Link href={hrefFor({ name: 'profile' })}>{t('myLearning.editProfile')}</Link>
    </section>
  );
}
