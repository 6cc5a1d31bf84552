import { useTranslation } from 'react-i18next';
import type { Granularity } from '../../../../bot/src/api/contract';
import { INSIGHTS_NS } from './insights-strings';

/** "Nov 2026" for a month, "Week of 23 Nov 2026" for a week: a period's start on the team's calendar. */
export function usePeriodLabel(locale: string, timeZone: string, granularity: Granularity): (startsAt: string) => string {
  const { t } = useTranslation(INSIGHTS_NS);
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  return (startsAt) => {
    const date = new Date(startsAt);
    return granularity === 'month' ? month.format(date) : t('weekOf', { date: day.format(date) });
  };
}
