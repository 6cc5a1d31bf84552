import { useState } from 'react';
import { Body1, Button, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NUDGE_INTERVAL_DAYS } from '../../../../bot/src/api/contract';
import type { InsightsResponse, QuietMember } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { dateTimeFormat } from '../../shared/date-time-format';
import { ApiRequestError } from '../../shared/api-client';
import { CsvButton } from './csv-button';
import type { CsvSource } from './csv-button';
import { nudgeQuietMember } from './insights-api';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';

const useStyles = makeStyles({
  member: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', flexDirection: 'column' },
  note: { color: tokens.colorNeutralForeground2 },
});

interface QuietMembersSectionProps {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly quiet: NonNullable<InsightsResponse['quiet']>;
  readonly locale: string;
  readonly csv: CsvSource;
}

/** Owners only (the API sends it to them alone): who has not taken part lately, with a private, friendly nudge. */
export function QuietMembersSection({ api, teamId, quiet, locale, csv }: QuietMembersSectionProps) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const headingId = useId('insights-quiet');
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="insights-quiet">
      <div className={shared.headingRow}>
        <h2 id={headingId} className={shared.heading}>
          {t('quiet.title')}
        </h2>
        <CsvButton source={csv} table="quiet" />
      </div>
      <Body1 as="p" className={shared.hint}>
        {t('quiet.ownersOnly')} {t('quiet.intro', { count: quiet.weeks })}
      </Body1>
      {quiet.members.length === 0 ? (
        <Body1 as="p" className={shared.text}>
          {t('quiet.none')}
        </Body1>
      ) : (
        <ul className={shared.list}>
          {quiet.members.map((member) => (
            <li key={member.userId}>
              <Member api={api} teamId={teamId} member={member} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type NudgeState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'sent'; readonly at: string }
  | { readonly kind: 'recently' }
  | { readonly kind: 'failed' };

function Member({
  api,
  teamId,
  member,
  locale,
}: {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly member: QuietMember;
  readonly locale: string;
}) {
  const shared = useInsightsStyles();
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const [state, setState] = useState<NudgeState>({ kind: 'idle' });
  const date = (iso: string) => dateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  const nudgedAt = state.kind === 'sent' ? state.at : member.nudgedAt;
  const nudge = async () => {
    setState({ kind: 'busy' });
    try {
      const answer = await nudgeQuietMember(api, teamId, member.userId);
      setState({ kind: 'sent', at: answer.nudgedAt });
    } catch (error) {
      setState(error instanceof ApiRequestError && error.code === 'nudged_recently' ? { kind: 'recently' } : { kind: 'failed' });
    }
  };
  return (
    <div data-testid="quiet-member">
      <div className={styles.member}>
        <div className={styles.who}>
          <Text weight="semibold">{member.displayName}</Text>
          <Text size={200} className={styles.note}>
            {member.lastTookPartAt ? t('quiet.lastTookPart', { date: date(member.lastTookPartAt) }) : t('quiet.never')}
          </Text>
        </div>
        {nudgedAt ? (
          <Text className={styles.note}>{t('quiet.nudgedOn', { date: date(nudgedAt) })}</Text>
        ) : (
          <Button
            disabled={state.kind === 'busy' || state.kind === 'recently'}
            aria-label={t('quiet.nudgeLabel', { name: member.displayName })}
            onClick={() => void nudge()}
          >
            {state.kind === 'busy' ? t('quiet.nudging') : t('quiet.nudge')}
          </Button>
        )}
      </div>
      {state.kind === 'sent' ? (
        <Body1 as="p" role="status" className={shared.text}>
          {t('quiet.sent', { name: member.displayName })}
        </Body1>
      ) : null}
      {state.kind === 'recently' ? (
        <Body1 as="p" role="status" className={shared.text}>
          {t('quiet.recently', { name: member.displayName, days: NUDGE_INTERVAL_DAYS })}
        </Body1>
      ) : null}
      {state.kind === 'failed' ? (
        <Body1 as="p" role="alert" className={shared.error}>
          {t('quiet.failed')}
        </Body1>
      ) : null}
    </div>
  );
}
