import { Field, Select, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GRANULARITIES } from '../../../../bot/src/api/contract';
import type { Granularity } from '../../../../bot/src/api/contract';
import { RANGE_MONTHS } from './insights-range';
import type { RangeMonths } from './insights-range';
import { INSIGHTS_NS } from './insights-strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  toggles: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

interface RangeControlsProps {
  readonly months: RangeMonths;
  readonly granularity: Granularity;
  readonly onMonths: (months: RangeMonths) => void;
  readonly onGranularity: (granularity: Granularity) => void;
}

/** The range (last 3/6/12/24 months) and whether the periods are weeks or months. */
export function RangeControls({ months, granularity, onMonths, onGranularity }: RangeControlsProps) {
  const styles = useStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  return (
    <div className={styles.root}>
      <Field label={t('range.label')}>
        <Select
          value={String(months)}
          onChange={(_, d) => {
            const chosen = RANGE_MONTHS.find((m) => String(m) === d.value);
            if (chosen) onMonths(chosen);
          }}
        >
          {RANGE_MONTHS.map((m) => (
            <option key={m} value={m}>
              {t(`range.months_${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.group} role="group" aria-labelledby="insights-granularity">
        <span id="insights-granularity" className={styles.label}>
          {t('range.groupBy')}
        </span>
        <div className={styles.toggles}>
          {GRANULARITIES.map((g) => (
            <ToggleButton key={g} checked={granularity === g} onClick={() => onGranularity(g)}>
              {t(`range.${g}`)}
            </ToggleButton>
          ))}
        </div>
      </div>
    </div>
  );
}
