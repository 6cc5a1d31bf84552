import { useCallback, useState } from 'react';
import { Body1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { GoalsResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getGoals } from './goals-api';
import { GoalProgressList } from './goal-progress-list';
import { GoalsEditor } from './goals-editor';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface GoalsSettingsSectionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** Locale for dates (e.g. `nl-NL`). */
  readonly locale: string;
}

/** Settings → Team goals (DESIGN F10): owners edit the list, members read it with its progress. */
export default function GoalsSettingsSection({ api, teamId, locale }: GoalsSettingsSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId('goals-settings');
  const load = useCallback((signal: AbortSignal) => getGoals(api, teamId, signal), [api, teamId]);
  const goals = useAsync(load);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="goals-settings">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('goals.title')}
      </Subtitle2>
      <Body1 as="p" className={styles.hint}>
        {t('goals.intro')}
      </Body1>
      {goals.status === 'loading' ? <LoadingState label={t('goals.loading')} /> : null}
      {goals.status === 'error' ? <ErrorState error={goals.error} onRetry={goals.retry} headingLevel={3} /> : null}
      {goals.status === 'success' ? <Goals api={api} teamId={teamId} locale={locale} initial={goals.data} /> : null}
    </section>
  );
}

function Goals(props: { readonly api: ApiClient; readonly teamId: string; readonly locale: string; readonly initial: GoalsResponse }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [current, setCurrent] = useState(props.initial);
  if (current.canEdit) return <GoalsEditor {...props} initial={current} onSaved={setCurrent} />;
  return (
    <>
      {current.goals.length === 0 ? (
        <Body1 as="p" className={styles.hint}>
          {t('goals.none')}
        </Body1>
      ) : (
        <GoalProgressList goals={current.goals} locale={props.locale} />
      )}
      <Body1 as="p" className={styles.hint}>
        {t('goals.ownersSet')}
      </Body1>
    </>
  );
}
