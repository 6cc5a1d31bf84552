import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import SessionDetailView from '../../tabs/src/features/session/session-detail';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { teamId, workshop } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';
import { detailOf } from '../support/tab/session-detail';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

describe('session detail', () => {
  const path = `${sessions}/s-1`;

  it('shows description, roles, attendees and, for the host only, questions and the feedback summary (Dutch)', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () =>
        json(
          200,
          detailOf({
            isHost: true,
            questions: [
              { questionId: 'q1', text: 'Moet ik iets installeren?', askedAt: '2026-11-20T10:00:00Z' },
              {
                questionId: 'q2',
                text: 'Is er koffie?',
                askedAt: '2026-11-20T10:00:00Z',
                asker: { userId: 'c', displayName: 'Chloé Bakker' },
              },
            ],
            feedbackSummary: { responses: 4, averageRating: 4.25, learnedSomethingNew: 3, willApply: ['Generics in de API'] },
          }),
        ),
    });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="nl-NL" />, 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: workshop.title })).toBeTruthy();
    expect(screen.getByText('Bram Jansen')).toBeTruthy();
    expect(screen.getByText('Anoniem')).toBeTruthy();
    // Chloé leads the discussion and asked a question under her name.
    expect(screen.getAllByText('Chloé Bakker')).toHaveLength(2);
    const feedback = within(screen.getByTestId('feedback-summary'));
    expect(feedback.getByText(/4 reacties · Gemiddelde waardering: 4,3 van 5 · 3 heeft iets nieuws geleerd/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Toevoegen aan agenda' }).getAttribute('href')).toBe(
      'https://tab.example/api/v1/calendar/s-1.ics?sig=abc',
    );
    expect(screen.getByRole('link', { name: 'Sessie bewerken' }).getAttribute('href')).toBe(
      `#/sessions/${encodeURIComponent(teamId)}/s-1/edit`,
    );
    expect(screen.getByRole('button', { name: 'Sessie annuleren' })).toBeTruthy();
  });

  it('hides host things from an attendee, who can ask a question anonymously; a friendly error with retry first', async () => {
    const service = createFakeService({
      [`GET ${path}`]: (_c, nth) => (nth === 0 ? apiError(503, 'storage_unavailable') : json(200, detailOf({ myResponse: 'maybe' }))),
      [`POST ${path}/questions`]: () => json(201, { questionId: 'q9', anonymous: true }),
    });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="en-GB" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't get to its data/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: workshop.title })).toBeTruthy();
    expect(screen.queryByTestId('feedback-summary')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel session' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Maybe' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Send question' }));
    expect(screen.getByText('Type your question first.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Your question' }), { target: { value: 'Do I need Node 24?' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Ask anonymously/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send question' }));
    expect(await screen.findByText('Your question was sent to the host.')).toBeTruthy();
    expect(service.callsTo('POST', `${path}/questions`)[0]?.body).toEqual({ text: 'Do I need Node 24?', anonymous: true });
  });

  it('lets the host cancel after confirming', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, detailOf({ isHost: true })),
      [`DELETE ${path}`]: () => json(200, detailOf({ isHost: true, status: 'cancelled' })),
    });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel session' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, cancel it' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(service.callsTo('DELETE', path)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Going' })).toBeNull();
  });

  it('shows a labelled spinner while it waits', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => new Promise<Response>(() => undefined) });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="en" />);
    expect(await screen.findByText('Loading the session…')).toBeTruthy();
  });
});
