import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import SettingsView from '../../tabs/src/features/settings/settings-view';
import { renderView } from '../support/tab/render-view';

describe('settings', () => {
  it('language and theme in standalone mode, "follows Teams" otherwise', async () => {
    const chosen: string[] = [];
    const preferences = {
      language: 'en' as const,
      theme: null,
      setLanguage: (l: string) => chosen.push(`lang:${l}`),
      setTheme: (t: string | null) => chosen.push(`theme:${t ?? 'system'}`),
    };
    const view = await renderView(<SettingsView preferences={preferences} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'nl' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'contrast' } });
    expect(chosen).toEqual(['lang:nl', 'theme:contrast']);
    view.unmount();
    await renderView(<SettingsView />, 'nl');
    expect(screen.getByText(/Volgt Microsoft Teams/)).toBeTruthy();
    expect(screen.getByText('Meer teaminstellingen volgen')).toBeTruthy();
  });
});
