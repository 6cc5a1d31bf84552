import { useState } from 'react';
import { Body1, Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CsvTable } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { downloadInsightsCsv } from './insights-api';
import type { InsightsQuery } from './insights-range';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';

/** What a section needs to offer its table as a CSV file. */
export interface CsvSource {
  readonly api: ApiClient;
  readonly teamId: string;
  readonly query: InsightsQuery;
}

/** Downloads one table of the range as CSV, with the bearer token the API client adds. */
export function CsvButton({ source, table }: { readonly source: CsvSource; readonly table: CsvTable }) {
  const styles = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    setState('busy');
    try {
      await downloadInsightsCsv(source.api, source.teamId, table, source.query);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div>
      <Button
        size="small"
        disabled={state === 'busy'}
        aria-label={t('csv.downloadLabel', { table: t(`csv.tables.${table}`) })}
        onClick={() => void download()}
      >
        {state === 'busy' ? t('csv.downloading') : t('csv.download')}
      </Button>
      {state === 'failed' ? (
        <Body1 as="p" role="alert" className={styles.error}>
          {t('csv.failed')}
        </Body1>
      ) : null}
    </div>
  );
}
