import type { ReactNode } from 'react';
import { Body1, Field, Select, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { LanguageOptions } from '../../shared/ui/language-options';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '../../shared/locale';
import { isAppLanguage } from '../../shared/locale';
import type { ThemeName } from '../../shared/theme-name';
import { isThemeName } from '../../shared/theme-name';
import { MessageState } from '../../shared/ui/message-state';
import type { ApiClient } from '../../shared/api-client';
import type { KeyValueStore } from '../../shared/local-store';
import { TeamSettingsSection } from './team-settings-section';

/** The standalone app's remembered choices (app/use-preferences.ts provides them). */
export interface SettingsPreferences {
  readonly language: AppLanguage | null;
  readonly theme: ThemeName | null;
  setLanguage(language: AppLanguage): void;
  setTheme(theme: ThemeName | null): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '36rem' },
  title: { margin: 0 },
});

export interface SettingsViewProps {
  readonly preferences?: SettingsPreferences | undefined;
  /** Without an API client (or before sign-in) only the personal choices show. */
  readonly api?: ApiClient | undefined;
  readonly store?: KeyValueStore | undefined;
  readonly contextTeamId?: string | undefined;
  /** More sections about the team the settings show (learning buddies), composed by the app. */
  readonly teamSections?: ((teamId: string) => ReactNode) | undefined;
}

/** Language and theme (standalone; in Teams they follow Teams), and the team's settings. */
export default function SettingsView({ preferences, api, store, contextTeamId, teamSections }: SettingsViewProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  return (
    <section className={styles.root} data-testid="settings" aria-labelledby="settings-title">
      <Title2 as="h1" id="settings-title" className={styles.title}>
        {t('settings.title')}
      </Title2>
      {preferences ? (
        <>
          <Field label={t('settings.language')}>
            <Select
              value={preferences.language ?? i18n.language}
              onChange={(_, d) => {
                if (isAppLanguage(d.value)) preferences.setLanguage(d.value);
              }}
            >
              <LanguageOptions />
            </Select>
          </Field>
          <Field label={t('settings.theme')}>
            <Select value={preferences.theme ?? 'system'} onChange={(_, d) => preferences.setTheme(isThemeName(d.value) ? d.value : null)}>
              <option value="system">{t('standalone.themes.system')}</option>
              <option value="light">{t('standalone.themes.light')}</option>
              <option value="dark">{t('standalone.themes.dark')}</option>
              <option value="contrast">{t('standalone.themes.contrast')}</option>
            </Select>
          </Field>
        </>
      ) : (
        <Body1 as="p">
          {t('settings.language')} · {t('settings.theme')}: {t('settings.followsTeams')}
        </Body1>
      )}
      {api ? <TeamSettingsSection api={api} store={store} contextTeamId={contextTeamId} teamSections={teamSections} /> : null}
      <MessageState headingLevel={api ? 3 : 2} title={t('settings.teamSoonTitle')} text={t('settings.teamSoonText')} />
    </section>
  );
}
