import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { RsvpResponseBody } from '../../bot/src/api/contract';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { me, members, pairing, teamId, teamSessions } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

afterEach(() => {
  window.location.hash = '';
});

describe('board RSVP in place', () => {
  function devService(rsvp: Parameters<typeof createFakeService>[0][string]) {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    return createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
      [`PUT ${sessions}/s-2/rsvp`]: rsvp,
    });
  }

  it('shows the answer at once and keeps the service count', async () => {
    let release: (r: Response) => void = () => undefined;
    const service = devService(() => new Promise<Response>((resolve) => (release = resolve)));
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(card.getByRole('button', { name: 'Going' }));
    // Optimistic: 1 → 2 going before the service answered.
    expect(card.getByText('2 going')).toBeTruthy();
    // While it is saved, the pressed button says so (tests/tabs/rsvp-pending.spec.tsx).
    expect(card.getByRole('button', { name: 'Saving…' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(service.callsTo('PUT', `${sessions}/s-2/rsvp`)).toHaveLength(1));
    expect(service.callsTo('PUT', `${sessions}/s-2/rsvp`)[0]?.body).toEqual({ response: 'yes' });
    const body: RsvpResponseBody = { sessionId: 's-2', response: 'yes', waitlisted: false, going: 5, maybe: 0, waitlistCount: 0 };
    await act(async () => release(json(200, body)));
    expect(await card.findByText('5 going')).toBeTruthy();
  });

  it('rolls back and says so when the service refuses', async () => {
    const service = devService(() => apiError(503, 'storage_unavailable'));
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(card.getByRole('button', { name: 'Maybe' }));
    expect(card.getByText(/1 maybe/)).toBeTruthy();
    expect((await card.findByRole('alert')).textContent).toMatch(/couldn't save your answer/);
    expect(card.queryByText(/1 maybe/)).toBeNull();
    expect(card.getByRole('button', { name: 'Maybe' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('says answers are closed when the session has passed (409), in Dutch', async () => {
    window.localStorage.setItem('peerlearn.language', 'nl');
    const service = devService(() => apiError(409, 'session_past'));
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(card.getByRole('button', { name: 'Ik kom' }));
    expect((await card.findByRole('alert')).textContent).toBe('Aanmelden voor deze sessie is gesloten.');
    expect(card.getByText('1 komt')).toBeTruthy();
  });

  it('tells someone whose "going" landed on the waiting list', async () => {
    const service = devService(() =>
      json(200, { sessionId: 's-2', response: 'yes', waitlisted: true, going: 1, maybe: 0, waitlistCount: 1 } satisfies RsvpResponseBody),
    );
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(card.getByRole('button', { name: 'Going' }));
    expect(await card.findByText('The session is full: you are on the waiting list.')).toBeTruthy();
    expect(card.getByText('1 going')).toBeTruthy();
  });
});
