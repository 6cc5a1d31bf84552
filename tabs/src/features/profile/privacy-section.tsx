import { useState } from 'react';
import { Body1, Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { saveFile } from '../../shared/save-file';
import { EraseDialog } from './erase-dialog';
import { downloadMyData } from './privacy-api';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

type Download =
  | { readonly state: 'idle' | 'busy' }
  | { readonly state: 'done'; readonly file: string }
  | { readonly state: 'failed'; readonly error: unknown };

interface PrivacySectionProps {
  readonly api: ApiClient;
  /** After a 204 from `DELETE /me`. */
  readonly onErased: () => void;
}

/** My profile → Privacy (DESIGN F13): take a copy of everything stored about me, or erase it. */
export function PrivacySection({ api, onErased }: PrivacySectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [download, setDownload] = useState<Download>({ state: 'idle' });

  const startDownload = async () => {
    setDownload({ state: 'busy' });
    try {
      const blob = await downloadMyData(api);
      const file = `peerlearn-my-data-${localDate(new Date())}.json`;
      saveFile(blob, file);
      setDownload({ state: 'done', file });
    } catch (error) {
      setDownload({ state: 'failed', error });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading" className={styles.heading}>
        {t('privacy.heading')}
      </h2>
      <Body1 as="p" className={styles.text}>
        {t('privacy.intro')}{' '}
        <Link href="?view=privacy" target="_blank" rel="noopener">
          {t('privacy.statement')}
        </Link>
      </Body1>
      <div className={styles.actions}>
        <Button onClick={() => void startDownload()} disabled={download.state === 'busy'}>
          {t('privacy.download')}
        </Button>
        <EraseDialog api={api} onErased={onErased} />
      </div>
      {download.state === 'busy' ? <Spinner size="tiny" labelPosition="after" label={t('privacy.downloading')} role="status" /> : null}
      {download.state === 'done' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('privacy.downloaded', { file: download.file })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {download.state === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('privacy.downloadFailed')} {t(`common.errors.${errorMessageKey(download.error)}`, errorMessageValues(download.error))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

/** `2026-12-03` in the person's own day, for the file name. */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
