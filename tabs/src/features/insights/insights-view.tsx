import { Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MessageState } from '../../shared/ui/message-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  // The layout insights will fill: goals, participation chart, feedback, skills matrix.
  grid: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 18rem), 1fr))' },
  panel: {
    minHeight: '6rem',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Insights: the route and layout; a designed "coming soon" until there are figures to show. */
export default function InsightsView() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section className={styles.root} data-testid="insights" aria-labelledby="insights-title">
      <Title2 as="h1" id="insights-title" className={styles.title}>
        {t('insights.title')}
      </Title2>
      <MessageState role="status" title={t('insights.soonTitle')} text={t('insights.soonText')} />
      <div className={styles.grid} aria-hidden="true">
        <div className={styles.panel} />
        <div className={styles.panel} />
        <div className={styles.panel} />
      </div>
    </section>
  );
}
