import { Body1, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MIN_FEEDBACK_ANSWERS } from '../../../../bot/src/api/contract';
import type { FeedbackPoint, InsightsResponse } from '../../../../bot/src/api/contract';
import { CsvButton } from './csv-button';
import type { CsvSource } from './csv-button';
import { INSIGHTS_NS } from './insights-strings';
import { useInsightsStyles } from './insights-styles';
import { ScrollBox } from './scroll-box';

interface FeedbackSectionProps {
  readonly feedback: InsightsResponse['feedback'];
  readonly locale: string;
  readonly timeZone: string;
  readonly csv: CsvSource;
}

/** Average rating and the "learned something new" rate per month and per skill; never per person. */
export function FeedbackSection({ feedback, locale, timeZone, csv }: FeedbackSectionProps) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const headingId = useId('insights-feedback');
  const format = useFeedbackFormat(locale);
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone });
  // `2026-11` is a month of the team's calendar: the middle of it names the month in any zone.
  const monthName = (key: string) => month.format(new Date(`${key}-15T12:00:00Z`));
  const { overall } = feedback;
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="insights-feedback">
      <div className={shared.headingRow}>
        <h2 id={headingId} className={shared.heading}>
          {t('feedback.title')}
        </h2>
        <CsvButton source={csv} table="feedback" />
      </div>
      <Body1 as="p" className={shared.hint}>
        {t('feedback.note', { min: MIN_FEEDBACK_ANSWERS })}
      </Body1>
      {overall.answers === 0 ? (
        <Body1 as="p" className={shared.text}>
          {t('feedback.none')}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={shared.text} data-testid="feedback-overall">
            {t('feedback.overall', { answers: format.count(overall.answers) })}{' '}
            {overall.averageRating !== undefined && overall.learnedRate !== undefined
              ? t('feedback.overallRating', { rating: format.rating(overall.averageRating), learned: format.rate(overall.learnedRate) })
              : t('feedback.tooFew')}
          </Body1>
          <FeedbackTable
            caption={t('feedback.byMonth')}
            keyHeader={t('feedback.month')}
            points={feedback.byMonth}
            name={monthName}
            locale={locale}
          />
          <FeedbackTable
            caption={t('feedback.bySkill')}
            keyHeader={t('feedback.skill')}
            points={feedback.bySkill}
            name={(k) => k}
            locale={locale}
          />
        </>
      )}
    </section>
  );
}

function useFeedbackFormat(locale: string) {
  const count = new Intl.NumberFormat(locale);
  const rating = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return { count: (n: number) => count.format(n), rating: (n: number) => rating.format(n), rate: (n: number) => rate.format(n) };
}

interface FeedbackTableProps {
  readonly caption: string;
  readonly keyHeader: string;
  readonly points: readonly FeedbackPoint[];
  readonly name: (key: string) => string;
  readonly locale: string;
}

function FeedbackTable({ caption, keyHeader, points, name, locale }: FeedbackTableProps) {
  const shared = useInsightsStyles();
  const { t } = useTranslation(INSIGHTS_NS);
  const format = useFeedbackFormat(locale);
  if (points.length === 0) return null;
  return (
    <ScrollBox label={caption}>
      <table className={shared.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{t('feedback.answers')}</th>
            <th scope="col">{t('feedback.rating')}</th>
            <th scope="col">{t('feedback.learned')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row">{name(p.key)}</th>
              <td className={shared.number}>{format.count(p.answers)}</td>
              {p.averageRating !== undefined && p.learnedRate !== undefined ? (
                <>
                  <td className={shared.number}>{format.rating(p.averageRating)}</td>
                  <td className={shared.number}>{format.rate(p.learnedRate)}</td>
                </>
              ) : (
                <td colSpan={2} className={shared.muted}>
                  {/* A period without feedback is simply empty; "too few" is for one with 1 or 2 answers. */}
                  {p.answers === 0 ? t('feedback.noAnswers') : t('feedback.tooFew')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
