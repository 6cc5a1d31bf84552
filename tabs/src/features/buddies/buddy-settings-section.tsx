import { useCallback, useState } from 'react';
import { Body1, Button, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BuddyCadenceBody } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { hrefFor } from '../../shared/routes';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getBuddyCadence, startBuddyRound } from './buddies-api';
import { CadenceForm } from './cadence-form';
import { useBuddyWords } from './buddy-words';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
});

export interface BuddySettingsSectionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  /** Locale for dates (e.g. `nl-NL`). */
  readonly locale: string;
}

/** Settings → Learning buddies: the team's rhythm of rounds (owners set it, members read it) and "start a round now". */
export default function BuddySettingsSection({ api, teamId, locale }: BuddySettingsSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId('buddy-settings');
  const load = useCallback((signal: AbortSignal) => getBuddyCadence(api, teamId, signal), [api, teamId]);
  const cadence = useAsync(load);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="buddy-settings">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('buddies.settings.title')}
      </Subtitle2>
      {cadence.status === 'loading' ? <LoadingState label={t('buddies.settings.loading')} /> : null}
      {cadence.status === 'error' ? <ErrorState error={cadence.error} onRetry={cadence.retry} headingLevel={3} /> : null}
      {cadence.status === 'success' ? <CadenceSettings api={api} teamId={teamId} locale={locale} initial={cadence.data} /> : null}
    </section>
  );
}

function CadenceSettings({
  api,
  teamId,
  locale,
  initial,
}: {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly locale: string;
  readonly initial: BuddyCadenceBody;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const words = useBuddyWords();
  const [current, setCurrent] = useState(initial);
  const zone = current.timeZone;
  const summary = current.cadence
    ? t('buddies.settings.summary', {
        every: t('buddies.settings.every', { count: current.cadence.everyWeeks }),
        weekday: words.weekdayName(current.cadence.weekday),
        time: current.cadence.time,
      })
    : t('buddies.settings.noRounds');
  return (
    <>
      {current.canEdit ? (
        <CadenceForm api={api} teamId={teamId} initial={current} onSaved={setCurrent} />
      ) : (
        <>
          <Body1 as="p" className={styles.text}>
            {summary}
          </Body1>
          <Body1 as="p" className={styles.hint}>
            {t('buddies.settings.ownersOnly')}
          </Body1>
        </>
      )}
      {zone ? (
        <Body1 as="p" className={styles.hint}>
          {t('buddies.settings.timeZone', { zone })}
        </Body1>
      ) : null}
      {current.cadence && current.nextRoundAt ? (
        <Body1 as="p" className={styles.text}>
          {t('buddies.settings.nextRound', { date: words.dateTime(current.nextRoundAt, locale, zone) })}
        </Body1>
      ) : null}
      <div className={styles.actions}>
        {current.canEdit ? <StartRound api={api} teamId={teamId} /> : null}
        <Link href={hrefFor({ name: 'buddies', teamId })}>{t('buddies.settings.viewRound')}</Link>
      </div>
    </>
  );
}

type Start = { readonly state: 'idle' | 'busy' | 'started' } | { readonly state: 'failed'; readonly error: unknown };

/** Owners: a round now. The service answers 202 at once and sends the introductions in the background. */
function StartRound({ api, teamId }: { readonly api: ApiClient; readonly teamId: string }) {
  const { t } = useTranslation();
  const [start, setStart] = useState<Start>({ state: 'idle' });
  const run = async () => {
    setStart({ state: 'busy' });
    try {
      await startBuddyRound(api, teamId);
      setStart({ state: 'started' });
    } catch (error) {
      setStart({ state: 'failed', error });
    }
  };
  return (
    <>
      <Button onClick={() => void run()} disabled={start.state === 'busy' || start.state === 'started'}>
        {start.state === 'busy' ? t('buddies.settings.starting') : t('buddies.settings.start')}
      </Button>
      {start.state === 'started' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('buddies.settings.started')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {start.state === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('buddies.settings.startFailed')} {t(`common.errors.${errorMessageKey(start.error)}`, errorMessageValues(start.error))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
