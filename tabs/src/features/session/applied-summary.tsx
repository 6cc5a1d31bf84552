import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FeedbackSummaryView } from '../../../../bot/src/api/contract';

/**
 * The host's view of "did you apply it?" two weeks after the session (issue #12): how many said yes,
 * partly or not yet, and their notes. Nothing until someone answered. Only the host gets the summary at all.
 */
export function AppliedSummary({
  applied,
  className,
  listClassName,
}: {
  readonly applied: FeedbackSummaryView['applied'];
  readonly className: string;
  readonly listClassName: string;
}) {
  const { t } = useTranslation();
  if (!applied || applied.yes + applied.partly + applied.notYet === 0) return null;
  return (
    <>
      <Body1 as="p" className={className} data-testid="applied-summary">
        {t('detail.feedbackApplied', { yes: applied.yes, partly: applied.partly, notYet: applied.notYet })}
      </Body1>
      {applied.notes.length > 0 ? (
        <ul className={listClassName} aria-label={t('detail.feedbackAppliedNotes')}>
          {applied.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
