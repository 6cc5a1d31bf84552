import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { RsvpResponseBody } from '../../bot/src/api/contract';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { me, members, pairing, teamId, teamSessions } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';

// Issue #12 item 4: "While an RSVP is in flight a second click is dropped silently; a waitlisted
// person sees 'Going' highlighted. Show the pending state and 'on the waitlist (3rd)'."
const rsvpPath = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/s-2/rsvp`;

afterEach(() => {
  window.location.hash = '';
});

const answer = (overrides: Partial<RsvpResponseBody>): RsvpResponseBody => ({
  sessionId: 's-2',
  response: 'yes',
  waitlisted: false,
  going: 2,
  maybe: 0,
  waitlistCount: 0,
  ...overrides,
});

/** The service holds every RSVP until the test answers it. */
function heldService() {
  const waiting: ((r: Response) => void)[] = [];
  window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
  const service = createFakeService({
    'GET /dev/members': () => json(200, members),
    'POST /dev/token': () => json(200, { token: 'dev-token' }),
    'GET /api/v1/me': () => json(200, me()),
    [`GET /api/v1/teams/${encodeURIComponent(teamId)}/sessions`]: () => json(200, teamSessions()),
    [`PUT ${rsvpPath}`]: () => new Promise<Response>((resolve) => waiting.push(resolve)),
  });
  const answerNext = async (response: Response) => {
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    await act(async () => waiting.shift()?.(response));
  };
  return { service, answerNext };
}

const button = (card: ReturnType<typeof within>, answer: string): HTMLElement => {
  const found = card.getAllByRole('button').find((b: HTMLElement) => b.getAttribute('data-rsvp') === answer);
  if (!found) throw new Error(`no ${answer} button`);
  return found;
};

describe('RSVP buttons while an answer is saved', () => {
  it('the clicked one says "Saving…", the others are dimmed, and a second click is queued, said and sent after', async () => {
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));

    expect(button(card, 'yes').textContent).toBe('Saving…');
    expect(button(card, 'yes').getAttribute('aria-pressed')).toBe('true');
    expect(button(card, 'maybe').getAttribute('aria-disabled')).toBe('true');
    expect(button(card, 'no').getAttribute('aria-disabled')).toBe('true');
    expect(card.getByRole('group').getAttribute('aria-busy')).toBe('true');
    expect(card.getByRole('status').textContent).toBe('Saving your answer…');

    // The second click is not dropped: it waits, and the person is told.
    fireEvent.click(button(card, 'maybe'));
    expect(card.getByRole('status').textContent).toBe('Saving your answer… then it changes to “Maybe”.');
    expect(button(card, 'maybe').getAttribute('data-queued')).toBe('true');
    await waitFor(() => expect(service.callsTo('PUT', rsvpPath)).toHaveLength(1));

    await answerNext(json(200, answer({ response: 'yes', going: 2 })));
    await waitFor(() => expect(service.callsTo('PUT', rsvpPath)).toHaveLength(2));
    expect(service.callsTo('PUT', rsvpPath).map((c) => c.body)).toEqual([{ response: 'yes' }, { response: 'maybe' }]);
    expect(button(card, 'maybe').textContent).toBe('Saving…');

    await answerNext(json(200, answer({ response: 'maybe', going: 1, maybe: 1 })));
    await waitFor(() => expect(button(card, 'maybe').textContent).toBe('Maybe'));
    expect(button(card, 'maybe').getAttribute('aria-pressed')).toBe('true');
    expect(button(card, 'yes').getAttribute('aria-disabled')).toBeNull();
    expect(card.getByRole('status').textContent).toBe('');
    expect(service.callsTo('PUT', rsvpPath)).toHaveLength(2);
  });

  it('clicking the answer on its way again takes back the queued one', async () => {
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));
    fireEvent.click(button(card, 'no'));
    fireEvent.click(button(card, 'yes'));
    expect(card.getByRole('status').textContent).toBe('Saving your answer…');
    await answerNext(json(200, answer({})));
    await waitFor(() => expect(button(card, 'yes').textContent).toBe('Going'));
    expect(service.callsTo('PUT', rsvpPath)).toHaveLength(1);
  });

  it('a failed answer drops the queued one and says why', async () => {
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));
    fireEvent.click(button(card, 'maybe'));
    await answerNext(apiError(503, 'storage_unavailable'));
    expect((await card.findByRole('alert')).textContent).toMatch(/couldn't save your answer/);
    expect(service.callsTo('PUT', rsvpPath)).toHaveLength(1);
    expect(button(card, 'maybe').getAttribute('aria-pressed')).toBe('false');
  });

  it('a waitlisted "going" reads "On the waitlist (3rd)", not a highlighted "Going"', async () => {
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));
    await answerNext(json(200, answer({ waitlisted: true, waitlistPosition: 3, going: 1, waitlistCount: 3 })));
    await waitFor(() => expect(button(card, 'yes').textContent).toBe('On the waitlist (3rd)'));
    expect(card.queryByRole('button', { name: 'Going' })).toBeNull();
    expect(button(card, 'yes').getAttribute('data-waitlisted')).toBe('true');
    // Still pressed for screen readers: it is their answer, waiting for a seat.
    expect(button(card, 'yes').getAttribute('aria-pressed')).toBe('true');
  });

  it.each([
    [1, 'On the waitlist (1st)'],
    [2, 'On the waitlist (2nd)'],
    [11, 'On the waitlist (11th)'],
    [22, 'On the waitlist (22nd)'],
  ])('English ordinals: place %i reads "%s"', async (place, text) => {
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));
    await answerNext(json(200, answer({ waitlisted: true, waitlistPosition: place })));
    await waitFor(() => expect(button(card, 'yes').textContent).toBe(text));
  });

  it('in Dutch: "Opslaan…" while saving, and the queued answer is said', async () => {
    window.localStorage.setItem('peerlearn.language', 'nl');
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));
    expect(button(card, 'yes').textContent).toBe('Opslaan…');
    fireEvent.click(button(card, 'no'));
    expect(card.getByRole('status').textContent).toBe('Je antwoord wordt opgeslagen… daarna wordt het “Kan niet”.');
    await answerNext(json(200, answer({ waitlisted: true, waitlistPosition: 3 })));
    await waitFor(() => expect(service.callsTo('PUT', rsvpPath)).toHaveLength(2));
    await answerNext(json(200, answer({ response: 'no', going: 1 })));
    await waitFor(() => expect(button(card, 'no').getAttribute('aria-pressed')).toBe('true'));
  });

  it('in Dutch, a waitlisted answer reads "Op de wachtlijst (3e)"', async () => {
    window.localStorage.setItem('peerlearn.language', 'nl');
    const { service, answerNext } = heldService();
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(button(card, 'yes'));
    await answerNext(json(200, answer({ waitlisted: true, waitlistPosition: 3 })));
    await waitFor(() => expect(button(card, 'yes').textContent).toBe('Op de wachtlijst (3e)'));
    expect(card.queryByRole('button', { name: 'Ik kom' })).toBeNull();
  });
});
