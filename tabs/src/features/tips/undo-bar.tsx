import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** "Tip removed — Undo": announced politely, the Undo button one Tab away. */
export function UndoBar({ title, onUndo }: { readonly title: string; readonly onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" role="status" data-testid="tip-undo">
      <MessageBarBody>{t('tips.removed', { title })}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onUndo}>
          {t('tips.undo')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
