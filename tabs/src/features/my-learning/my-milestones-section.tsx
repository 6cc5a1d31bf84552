import { Body1, Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MyMilestoneView } from '../../../../bot/src/api/contract';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { useShortDate } from './learning-dates';
import { useListStyles } from './my-learning-lists';

/** The milestones I reached (issue #12), newest first; nothing is shown until there is one. */
export function MyMilestonesSection({ milestones, locale }: { readonly milestones: readonly MyMilestoneView[]; readonly locale: string }) {
  const { t } = useTranslation();
  const section = useSectionStyles();
  const list = useListStyles();
  const day = useShortDate(locale);
  if (milestones.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby="my-milestones">
      <h2 id="my-milestones" className={section.heading}>
        {t('myLearning.milestonesTitle')}
      </h2>
      <ul className={list.list}>
        {milestones.map((m) => (
          <li key={`${m.teamId}/${m.milestone}`} className={list.item}>
            <Body1>{t(`myLearning.milestone_${m.milestone}`)}</Body1>
            <Caption1>{t('myLearning.milestoneWhere', { team: m.teamName, date: day(m.reachedAt) })}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
