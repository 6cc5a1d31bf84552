import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api-client';
import { useAsync } from '../../shared/use-async';
import { ErrorState } from '../../shared/ui/error-state';
import { LoadingState } from '../../shared/ui/loading-state';
import { getProfile } from './profile-api';
import ErasedState from './erased-state';
import { PrivacySection } from './privacy-section';
import { ProfileForm } from './profile-form';
import { profileDraftStore } from './profile-draft';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

interface ProfileViewProps {
  readonly api: ApiClient;
  readonly debounceMs?: number;
  /** After the person erased their data: the shell then shows nothing else (and calls nothing) until a reload. */
  readonly onErased?: () => void;
  /** My profile → Learning buddy, composed by the app (features never import each other). */
  readonly buddies?: ReactNode;
  /** Where unsaved edits are kept across reloads (default: the browser's localStorage). */
  readonly storage?: Storage;
}

export default function ProfileView({ api, debounceMs = 250, onErased, buddies, storage }: ProfileViewProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [erased, setErased] = useState(false);
  const load = useCallback((signal: AbortSignal) => getProfile(api, signal), [api]);
  const profile = useAsync(load);
  if (erased) return <ErasedState />;
  if (profile.status === 'loading') return <LoadingState label={t('profile.loading')} />;
  if (profile.status === 'error') return <ErrorState headingLevel={2} error={profile.error} onRetry={profile.retry} />;
  return (
    <div className={styles.page}>
      <ProfileForm api={api} profile={profile.data} debounceMs={debounceMs} {...(storage ? { storage } : {})} />
      {buddies}
      <PrivacySection
        api={api}
        onErased={() => {
          // Nothing of an erased person stays behind in the browser either.
          profileDraftStore(profile.data, storage).clear();
          setErased(true);
          onErased?.();
        }}
      />
    </div>
  );
}
