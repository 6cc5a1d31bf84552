import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EraseMeRequest } from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';
import { errorMessageKey, errorMessageValues } from '../../shared/error-message';
import { eraseMyData } from './privacy-api';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

type Contributions = EraseMeRequest['contributions'];

interface EraseDialogProps {
  readonly api: ApiClient;
  readonly onErased: () => void;
}

/**
 * "Erase my data": says what happens, asks what becomes of the person's tips and learning requests
 * (kept without their name by default: the least surprising choice for what colleagues still use),
 * and needs an explicit "I understand" before the destructive button works.
 */
export function EraseDialog({ api, onErased }: EraseDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [contributions, setContributions] = useState<Contributions>('anonymise');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(undefined);
  const erased = useRef(false);

  const openChange = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (!next) {
      // A later open starts from the beginning: the confirmation is asked again.
      setUnderstood(false);
      setFailed(undefined);
      setContributions('anonymise');
    }
  };

  const erase = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      await eraseMyData(api, contributions);
    } catch (error) {
      setFailed(error);
      setBusy(false);
      return;
    }
    setBusy(false);
    // Close first, and let the caller swap the view only once the surface is gone and the page is back
    // (surfaceGone below): swapped earlier, the page stays aria-hidden from the dialog's focus trap.
    erased.current = true;
    setOpen(false);
  };

  // Stable (a new ref callback would be called with null on every render), so it reads the latest onErased.
  const latestOnErased = useRef(onErased);
  useEffect(() => {
    latestOnErased.current = onErased;
  }, [onErased]);
  const anchor = useRef<HTMLSpanElement>(null);
  const surfaceGone = useCallback((surface: HTMLDivElement | null) => {
    if (surface || !erased.current) return;
    erased.current = false;
    whenPageIsBack(anchor, () => latestOnErased.current());
  }, []);

  return (
    // The span is where the trigger sits in the page: the place whose aria-hidden tells when the page is back.
    <span ref={anchor}>
      <Dialog open={open} onOpenChange={(_, d) => openChange(d.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button>{t('privacy.erase')}</Button>
        </DialogTrigger>
        <DialogSurface ref={surfaceGone}>
          <DialogBody>
            <DialogTitle>{t('privacy.dialogTitle')}</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.text}>{t('privacy.dialogIntro')}</p>
              <ul className={styles.list}>
                <li>{t('privacy.afterNoName')}</li>
                <li>{t('privacy.afterSessions')}</li>
                <li>{t('privacy.afterCounts')}</li>
              </ul>
              <Field label={t('privacy.contributions')}>
                <RadioGroup
                  value={contributions}
                  disabled={busy}
                  onChange={(_, data) => setContributions(data.value === 'remove' ? 'remove' : 'anonymise')}
                >
                  <Radio value="anonymise" label={t('privacy.keep')} />
                  <Radio value="remove" label={t('privacy.remove')} />
                </RadioGroup>
              </Field>
              <Checkbox
                checked={understood}
                disabled={busy}
                onChange={(_, data) => setUnderstood(data.checked === true)}
                label={t('privacy.confirm')}
              />
              {failed !== undefined ? (
                <p role="alert" className={styles.error}>
                  {t('privacy.eraseFailed')} {t(`common.errors.${errorMessageKey(failed)}`, errorMessageValues(failed))}
                </p>
              ) : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary" disabled={busy}>
                  {t('privacy.cancel')}
                </Button>
              </DialogTrigger>
              <Button appearance="primary" disabled={!understood || busy} onClick={() => void erase()}>
                {busy ? t('privacy.erasing') : t('privacy.confirmErase')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </span>
  );
}

/**
 * Calls `then` once the page around `anchor` is no longer hidden from assistive tech. While a modal
 * dialog is open, its focus trap marks the rest of the page aria-hidden and undoes that a moment after
 * the dialog closes; a view swapped before then would stay hidden to screen readers. Capped at 2 s.
 */
function whenPageIsBack(anchor: RefObject<HTMLElement | null>, then: () => void): void {
  const started = performance.now();
  const check = () => {
    const hidden = anchor.current?.closest('[aria-hidden="true"]');
    if (!hidden || performance.now() - started > 2_000) then();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
