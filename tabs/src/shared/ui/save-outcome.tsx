import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, errorMessageValues } from '../error-message';

/** What the last save of a form did: nothing yet, saved, or failed with why. */
export type SaveOutcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown } | undefined;

/**
 * The line above a form after a save: "saved" as a status, or the failure as an alert with the
 * reason (a field problem is shown on its field instead, so it adds nothing here).
 */
export function SaveOutcomeBar({
  outcome,
  saved,
  failed,
}: {
  readonly outcome: SaveOutcome;
  readonly saved: string;
  readonly failed: string;
}) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{saved}</MessageBarBody>
      </MessageBar>
    );
  }
  const key = errorMessageKey(outcome.error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {failed} {key === 'invalid' ? null : t(`common.errors.${key}`, errorMessageValues(outcome.error))}
      </MessageBarBody>
    </MessageBar>
  );
}
