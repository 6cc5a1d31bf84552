import { useState } from 'react';
import { Body1, Button, Caption1, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SessionPerson, SuggestLeaderResponse } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { usePersonName } from '../../shared/person-name';
import { sessionPath } from '../../shared/sessions/rsvp';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  select: { minWidth: '12rem' },
});

interface LeaderPickerProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly sessionId: string | undefined;
  /** The team's members (the plan form's planning answer). */
  readonly members: readonly SessionPerson[];
  /** The fair-rotation suggestion for a new session, marked among the choices. */
  readonly suggested: SessionPerson | undefined;
  readonly leader: SessionPerson | undefined;
  readonly onChange: (leader: SessionPerson | undefined) => void;
  readonly error: string | undefined;
}

/**
 * Fair rotation: the service suggests the colleague who has gone longest without a role. The choice
 * stays the host's: nobody is named (and told so) until the host picks them or takes the suggestion.
 */
export function LeaderPicker({ api, teamId, sessionId, members, suggested, leader, onChange, error }: LeaderPickerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = usePersonName();
  const [state, setState] = useState<'idle' | 'busy' | 'none' | 'failed'>('idle');
  const suggest = async () => {
    setState('busy');
    try {
      const base = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
      const path = sessionId ? `${sessionPath(teamId, sessionId)}/suggest-discussion-leader` : `${base}/suggest-discussion-leader`;
      const answer = await api.get<SuggestLeaderResponse>(path);
      if (answer.suggestion) {
        onChange(answer.suggestion);
        setState('idle');
      } else setState('none');
    } catch {
      setState('failed');
    }
  };
  // Someone named before who is no longer among the members stays shown, so saving does not drop them unseen.
  const choices = leader && !members.some((m) => m.userId === leader.userId) ? [...members, leader] : members;
  return (
    // A group, not a Field: a choice, a suggestion button and their messages belong together.
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend} id="plan-leader-legend">
        {t('plan.leader')}
      </legend>
      <Caption1 as="p" className={styles.hint}>
        {t('plan.suggestLeaderHint')}
      </Caption1>
      <div className={styles.actions}>
        <Select
          id="plan-field-discussionLeaderId"
          className={styles.select}
          aria-labelledby="plan-leader-legend"
          data-testid="discussion-leader"
          value={leader?.userId ?? ''}
          onChange={(_, d) => onChange(choices.find((m) => m.userId === d.value))}
        >
          <option value="">{t('plan.leaderNoneOption')}</option>
          {choices.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.userId === suggested?.userId ? t('plan.leaderSuggested', { name: name(m, { start: true }) }) : name(m, { start: true })}
            </option>
          ))}
        </Select>
        <Button type="button" size="small" disabled={state === 'busy'} onClick={() => void suggest()}>
          {t('plan.suggestLeader')}
        </Button>
      </div>
      {state === 'none' ? <Body1 role="status">{t('plan.noLeader')}</Body1> : null}
      {state === 'failed' ? <Body1 role="alert">{t('plan.suggestFailed')}</Body1> : null}
      {error ? (
        <Body1 role="alert" className={styles.error}>
          {error}
        </Body1>
      ) : null}
    </fieldset>
  );
}
