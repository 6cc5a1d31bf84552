import { useEffect } from 'react';
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BoardOutcome } from '../features/board/board';
import type { TeamsHost } from '../shared/teams';
import { boardContentUrl, boardEntityId } from './routes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '36rem' },
  title: { margin: 0 },
  text: { margin: 0 },
});

/** The channel tab's configuration page: nothing to choose, the board is for the team it is added to. */
export default function ConfigPage({
  host,
  onReady,
}: {
  readonly host?: TeamsHost | undefined;
  readonly onReady?: ((o: BoardOutcome) => void) | undefined;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  useEffect(() => {
    if (host) {
      const url = boardContentUrl(window.location.origin);
      host.configureTab({
        contentUrl: url,
        websiteUrl: url,
        entityId: boardEntityId(host.teamId ?? 'team'),
        suggestedDisplayName: 'PeerLearn',
      });
    }
    onReady?.({ kind: 'loaded' });
  }, [host, onReady]);
  return (
    <section className={styles.root} data-testid="config" aria-labelledby="config-title">
      <Title2 as="h1" id="config-title" className={styles.title}>
        {t('config.title')}
      </Title2>
      <Body1 as="p" className={styles.text}>
        {host ? t('config.text') : t('config.outside')}
      </Body1>
      {host?.teamName ? (
        <Body1 as="p" className={styles.text}>
          {t('config.team', { name: host.teamName })}
        </Body1>
      ) : null}
    </section>
  );
}
