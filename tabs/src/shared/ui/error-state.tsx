import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, errorMessageValues } from '../error-message';
import { MessageState } from './message-state';

interface ErrorStateProps {
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly headingLevel?: 2 | 3;
}

/** Never a blank page: what went wrong in plain words, and a way to try again. */
export function ErrorState({ error, onRetry, headingLevel }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <MessageState
      role="alert"
      title={t('common.errorTitle')}
      text={t(`common.errors.${errorMessageKey(error)}`, errorMessageValues(error))}
      {...(headingLevel ? { headingLevel } : {})}
    >
      <Button appearance="primary" onClick={onRetry}>
        {t('common.tryAgain')}
      </Button>
    </MessageState>
  );
}
