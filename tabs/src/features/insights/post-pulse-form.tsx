import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { Body1, Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PULSE_MIN_ANSWERS } from '../../../../bot/src/api/contract';
import type { PulseResults } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getPlanningChoices, postPulse } from './insights-api';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  channel: { minWidth: '12rem', maxWidth: '100%' },
});

/** Owners: post the pulse card to one of the team's channels. */
export function PostPulseForm({
  api,
  teamId,
  onPosted,
}: {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly onPosted: (pulse: PulseResults) => void;
}) {
  const shared = useInsightsStyles();
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const load = useCallback((signal: AbortSignal) => getPlanningChoices(api, teamId, signal), [api, teamId]);
  const planning = useAsync(load);
  const [channelId, setChannelId] = useState<string | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'busy' | 'posted' | 'failed'>('idle');
  if (planning.status === 'loading') return <LoadingState label={t('pulse.channelsLoading')} />;
  if (planning.status === 'error') return <ErrorState error={planning.error} onRetry={planning.retry} headingLevel={3} />;
  const channels = planning.data.channels;
  const chosen = channelId ?? channels[0]?.channelId;
  const post = async (event: FormEvent) => {
    event.preventDefault();
    setState('busy');
    try {
      onPosted(await postPulse(api, teamId, chosen ? { channelId: chosen } : {}));
      setState('posted');
    } catch {
      setState('failed');
    }
  };
  return (
    <form onSubmit={(e) => void post(e)} aria-labelledby="insights-post-pulse" data-testid="post-pulse">
      <h3 id="insights-post-pulse" className={shared.subheading}>
        {t('pulse.postTitle')}
      </h3>
      <Body1 as="p" className={shared.hint}>
        {t('pulse.postHint')}
      </Body1>
      <div className={styles.form}>
        <Field label={t('pulse.channel')}>
          <Select className={styles.channel} value={chosen ?? ''} onChange={(_, d) => setChannelId(d.value)}>
            {channels.map((channel) => (
              <option key={channel.channelId} value={channel.channelId}>
                {channel.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={state === 'busy'}>
          {state === 'busy' ? t('pulse.posting') : t('pulse.post')}
        </Button>
      </div>
      {state === 'posted' ? (
        <Body1 as="p" role="status" className={shared.text}>
          {t('pulse.posted', { min: PULSE_MIN_ANSWERS })}
        </Body1>
      ) : null}
      {state === 'failed' ? (
        <Body1 as="p" role="alert" className={shared.error}>
          {t('pulse.postFailed')}
        </Body1>
      ) : null}
    </form>
  );
}
