import { useCallback } from 'react';
import { Link, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { ApiRequestError } from '../../shared/api-client';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { useSectionStyles } from '../../shared/ui/section-styles';
import { getGoals } from './goals-api';
import { GoalProgressList } from './goal-progress-list';

export interface GoalsBoardCardProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
}

/** DESIGN F10 on the board: how far the team is with its goals. A team without goals shows nothing here. */
export function GoalsBoardCard({ api, teamId, locale }: GoalsBoardCardProps) {
  const shared = useSectionStyles();
  const { t } = useTranslation();
  const headingId = useId('goals-board');
  const load = useCallback((signal: AbortSignal) => getGoals(api, teamId, signal), [api, teamId]);
  const goals = useAsync(load);
  // Nothing while loading or without goals: a team that set none never sees this section appear and go.
  if (goals.status === 'loading' || (goals.status === 'success' && goals.data.goals.length === 0)) return null;
  // The board itself says when the team is unknown; this card adds nothing then.
  if (goals.status === 'error' && goals.error instanceof ApiRequestError && goals.error.status === 404) return null;
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="goals-board-card">
      <h2 id={headingId} className={shared.heading}>
        {t('goals.board.title')}
      </h2>
      {goals.status === 'error' ? <ErrorState error={goals.error} onRetry={goals.retry} headingLevel={3} /> : null}
      {goals.status === 'success' ? (
        <>
          <GoalProgressList goals={goals.data.goals} locale={locale} />
          {goals.data.canEdit ? <Link href={hrefFor({ name: 'settings' })}>{t('goals.board.settings')}</Link> : null}
        </>
      ) : null}
    </section>
  );
}
