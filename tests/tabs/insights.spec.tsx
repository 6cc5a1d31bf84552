import { screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import InsightsView from '../../tabs/src/features/insights/insights-view';
import { renderView } from '../support/tab/render-view';

describe('insights', () => {
  it('has a designed coming-soon state in both languages', async () => {
    await renderView(<InsightsView />, 'nl');
    expect(screen.getByText('Inzichten komen binnenkort')).toBeTruthy();
  });
});
