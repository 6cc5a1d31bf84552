import { useState } from 'react';
import { Body1, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SkillGap } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { hrefFor } from '../../shared/routes';
import { askToLearn } from '../../shared/ask-to-learn';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';

const useStyles = makeStyles({
  gap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Each gap with its two ways out: ask the team to teach it (a learning request, or a +1 on the open one), or look across the organisation. */
export function SkillGaps({ api, teamId, gaps }: { readonly api: ApiClient; readonly teamId: string; readonly gaps: readonly SkillGap[] }) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  if (gaps.length === 0) {
    return (
      <Body1 as="p" className={shared.hint}>
        {t('skills.noGaps')}
      </Body1>
    );
  }
  return (
    <>
      <h3 className={shared.subheading}>{t('skills.gapsTitle')}</h3>
      <ul className={shared.list} data-testid="skill-gaps">
        {gaps.map((gap) => (
          <li key={gap.skill}>
            <Gap api={api} teamId={teamId} gap={gap} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Gap({ api, teamId, gap }: { readonly api: ApiClient; readonly teamId: string; readonly gap: SkillGap }) {
  const shared = useInsightsStyles();
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const [state, setState] = useState<'idle' | 'busy' | 'created' | 'voted' | 'failed'>('idle');
  const ask = async () => {
    setState('busy');
    try {
      setState(await askToLearn(api, teamId, gap.skill));
    } catch {
      setState('failed');
    }
  };
  const done = state === 'created' || state === 'voted';
  return (
    <div className={styles.gap} data-testid="skill-gap">
      <Body1 as="p" className={shared.text}>
        <strong>{gap.skill}</strong>
        {' — '}
        {gap.teachers === 0 ? t('skills.gapNobody', { count: gap.wantedBy }) : t('skills.gapOne', { count: gap.wantedBy })}
      </Body1>
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={state === 'busy' || done}
          aria-label={t('skills.askLabel', { skill: gap.skill })}
          onClick={() => void ask()}
        >
          {state === 'busy' ? t('skills.asking') : t('skills.ask')}
        </Button>
        <Link href={hrefFor({ name: 'experts', query: gap.skill })} aria-label={t('skills.findLabel', { skill: gap.skill })}>
          {t('skills.find')}
        </Link>
      </div>
      {done ? (
        <Body1 as="p" role="status" className={shared.text}>
          {state === 'created' ? t('skills.asked', { skill: gap.skill }) : t('skills.voted', { skill: gap.skill })}
        </Body1>
      ) : null}
      {state === 'failed' ? (
        <Body1 as="p" role="alert" className={shared.error}>
          {t('skills.askFailed')}
        </Body1>
      ) : null}
    </div>
  );
}
