import { screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import SessionDetailView from '../../tabs/src/features/session/session-detail';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';
import { detailOf } from '../support/tab/session-detail';

/** Issue #12: the answers to "did you apply it?" reach the host's summary in the tab, counts and notes. */
const path = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/s-1`;
const summary = { responses: 3, averageRating: 4, learnedSomethingNew: 2, willApply: ['Generics in de API'] };

async function show(language: AppLanguage, applied?: { yes: number; partly: number; notYet: number; notes: string[] }) {
  const service = createFakeService({
    [`GET ${path}`]: () => json(200, detailOf({ isHost: true, feedbackSummary: { ...summary, ...(applied ? { applied } : {}) } })),
  });
  const view = await renderView(
    <SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale={language} />,
    language,
  );
  return { view, card: within(await screen.findByTestId('feedback-summary')) };
}

describe('the host’s summary: applied after two weeks', () => {
  it.each([
    ['en', 'Two weeks later, applied it: 2 yes · 1 partly · 0 not yet', 'Notes on applying it'],
    ['nl', 'Twee weken later toegepast: 2 ja · 1 deels · 0 nog niet', 'Notities over het toepassen'],
  ] as const)('in %s: the counts and the notes', async (language, line, notes) => {
    const { view, card } = await show(language, { yes: 2, partly: 1, notYet: 0, notes: ['Op elke PR', 'Only new code'] });
    expect(card.getByTestId('applied-summary').textContent).toBe(line);
    expect(
      within(card.getByRole('list', { name: notes }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Op elke PR', 'Only new code']);
    expect(await axeViolations(view.container)).toEqual([]);
  });

  it('says nothing about applying before anyone answered', async () => {
    const { card } = await show('en', { yes: 0, partly: 0, notYet: 0, notes: [] });
    expect(card.getByText('What people will apply')).toBeTruthy();
    expect(card.queryByTestId('applied-summary')).toBeNull();
  });
});
