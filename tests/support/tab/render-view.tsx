import type { ReactElement } from 'react';
import { act, render } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../tabs/src/app/i18n/create-i18n';
import { en } from '../../../tabs/src/app/i18n/en';
import { nl } from '../../../tabs/src/app/i18n/nl';
import { createApiClient } from '../../../tabs/src/shared/api-client';
import type { FetchLike } from '../../../tabs/src/shared/api-client';
import type { AppLanguage } from '../../../tabs/src/shared/locale';

/** One view on its own, with the app's real i18n and Fluent theme, talking to a fake service. */
export async function renderView(ui: ReactElement, language: AppLanguage = 'en') {
  const i18n = createI18n(language, language === 'nl' ? nl : en);
  return act(async () =>
    render(
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>
      </I18nextProvider>,
    ),
  );
}

export function apiFor(fetch: FetchLike) {
  return createApiClient(fetch, () => Promise.resolve('test-token'));
}
