import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { SessionChangeResponse, SessionDetailResponse } from '../../bot/src/api/contract';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import SessionDetailView from '../../tabs/src/features/session/session-detail';
import { apiError, createFakeService, json, sessionRefused } from '../support/tab/fake-service';
import { TAB_NOW, me, members, teamId, workshop } from '../support/tab/fixtures';
import { useFakeDate } from '../support/fake-date';
import { openDialog } from '../support/tab/dialog';
import { renderApp } from '../support/tab/render-app';
import { apiFor, renderView } from '../support/tab/render-view';

const path = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/s-1`;
const now = () => new Date(TAB_NOW);

afterEach(() => {
  window.sessionStorage.clear();
  window.location.hash = '';
});

function detailOf(overrides: Partial<SessionDetailResponse> = {}): SessionDetailResponse {
  return {
    ...workshop,
    waitlisted: 0,
    openToOrganisation: false,
    attendees: [],
    waitlist: [],
    isHost: true,
    myWaitlisted: false,
    calendarUrl: 'https://tab.example/api/v1/calendar/s-1.ics?sig=abc',
    ...overrides,
  };
}

const occurrence = detailOf({ seriesId: 'series-1', recurrence: 'weekly' });
const changed = (n: number, overrides: Partial<SessionDetailResponse> = {}): SessionChangeResponse => ({
  ...occurrence,
  ...overrides,
  changed: n,
});

function editView(fetch: Parameters<typeof apiFor>[0], saved: [string, number | undefined][]) {
  return (
    <PlanSessionView
      api={apiFor(fetch)}
      teamId={teamId}
      sessionId="s-1"
      onSaved={(id, n) => saved.push([id, n])}
      onCancel={() => undefined}
      now={now}
    />
  );
}

describe('editing an occurrence of a series in the tab', () => {
  it('asks "only this session" or "this and all later sessions" and saves with the chosen scope', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, occurrence),
      [`PATCH ${path}`]: (call) =>
        json(200, changed(call.query === 'scope=following' ? 6 : 1, call.body as Partial<SessionDetailResponse>)),
    });
    const saved: [string, number | undefined][] = [];
    await renderView(editView(service.fetch, saved));
    const choice = within(await screen.findByRole('radiogroup', { name: 'Which sessions of the series?' }));
    expect((choice.getByRole('radio', { name: 'Only this session' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(choice.getByRole('radio', { name: 'This and all later sessions' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Title/ }), { target: { value: 'Generics, every week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual([['s-1', 6]]));
    const [call] = service.callsTo('PATCH', path);
    expect(call?.query).toBe('scope=following');
    expect(call?.body).toMatchObject({ title: 'Generics, every week' });
  });

  it('a refused save keeps what was typed and the scope chosen; the next try goes through', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, occurrence),
      [`PATCH ${path}`]: (_call, nth) =>
        nth === 0
          ? sessionRefused(
              [{ field: 'channelId', code: 'channelUnknown', message: 'Choose one of the team’s channels.' }],
              'Some fields need another look.',
            )
          : json(200, changed(5)),
    });
    const saved: [string, number | undefined][] = [];
    await renderView(editView(service.fetch, saved), 'nl');
    const choice = within(await screen.findByRole('radiogroup', { name: 'Welke sessies van de reeks?' }));
    fireEvent.click(choice.getByRole('radio', { name: 'Deze en alle latere sessies' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Titel/ }), { target: { value: 'Generics, elke week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    expect(await screen.findByText(/De sessie is niet opgeslagen\. Alles wat je typte staat er nog\./)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Titel/ }) as HTMLInputElement).value).toBe('Generics, elke week');
    expect((choice.getByRole('radio', { name: 'Deze en alle latere sessies' }) as HTMLInputElement).checked).toBe(true);
    expect(saved).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    await waitFor(() => expect(saved).toEqual([['s-1', 5]]));
    expect(service.callsTo('PATCH', path).map((c) => c.query)).toEqual(['scope=following', 'scope=following']);
  });

  it('a one-off session asks nothing and saves just itself', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, detailOf()),
      [`PATCH ${path}`]: () => json(200, { ...detailOf(), changed: 1 }),
    });
    const saved: [string, number | undefined][] = [];
    await renderView(editView(service.fetch, saved));
    await screen.findByRole('heading', { level: 1, name: 'Edit session' });
    expect(screen.queryByRole('radiogroup')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual([['s-1', undefined]]));
    expect(service.callsTo('PATCH', path)[0]?.query).toBe('');
  });
});

describe('cancelling an occurrence of a series in the tab', () => {
  it('the dialog asks which sessions; "this and all later" cancels with scope=following and says how many (Dutch)', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, occurrence),
      [`DELETE ${path}`]: (call) => json(200, changed(call.query === 'scope=following' ? 4 : 1, { status: 'cancelled' })),
    });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="nl-NL" />, 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Sessie annuleren' }));
    const dialog = await openDialog();
    expect(((await dialog.findByRole('radio', { name: 'Alleen deze sessie' })) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(dialog.getByRole('radio', { name: 'Deze en alle latere sessies' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Ja, annuleren' }));
    expect((await screen.findByTestId('series-notice')).textContent).toBe('4 sessies geannuleerd.');
    expect(service.callsTo('DELETE', path).map((c) => c.query)).toEqual(['scope=following']);
    expect(screen.getByText('Geannuleerd')).toBeTruthy();
  });

  it('"only this session" cancels just this one; a failure says so and keeps the dialog open', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, occurrence),
      [`DELETE ${path}`]: (_call, nth) =>
        nth === 0 ? apiError(503, 'storage_unavailable') : json(200, changed(1, { status: 'cancelled' })),
    });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel session' }));
    const dialog = await openDialog();
    fireEvent.click(await dialog.findByRole('button', { name: 'Yes, cancel it' }));
    expect((await dialog.findByRole('alert')).textContent).toMatch(/wasn't cancelled/);
    fireEvent.click(dialog.getByRole('button', { name: 'Yes, cancel it' }));
    expect((await screen.findByTestId('series-notice')).textContent).toBe('1 session cancelled.');
    expect(service.callsTo('DELETE', path).map((c) => c.query)).toEqual(['', '']);
  });

  it('a one-off session: no choice in the dialog, no count', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, detailOf()),
      [`DELETE ${path}`]: () => json(200, { ...detailOf({ status: 'cancelled' }), changed: 1 }),
    });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel session' }));
    const dialog = await openDialog();
    fireEvent.click(await dialog.findByRole('button', { name: 'Yes, cancel it' }));
    expect(dialog.queryByRole('radiogroup')).toBeNull();
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(screen.queryByTestId('series-notice')).toBeNull();
  });

  it('after saving a series the detail says how many sessions changed', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, occurrence) });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="en-GB" savedChanged={6} />);
    expect((await screen.findByTestId('series-notice')).textContent).toBe('Saved: 6 sessions changed.');
  });
});

describe('in the app', () => {
  // The app renders the plan form without a `now` prop: it checks the fixture's start against the clock.
  useFakeDate(TAB_NOW);

  it('edit → "this and all later sessions" → the detail says how many changed', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.location.hash = `#/sessions/${encodeURIComponent(teamId)}/s-1/edit`;
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${path}`]: () => json(200, occurrence),
      [`PATCH ${path}`]: (call) => json(200, changed(call.query === 'scope=following' ? 7 : 1)),
    });
    await renderApp({ fetch: service.fetch });
    fireEvent.click(await screen.findByRole('radio', { name: 'This and all later sessions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect((await screen.findByTestId('series-notice')).textContent).toBe('Saved: 7 sessions changed.');
    expect(window.location.hash).toBe(`#/sessions/${encodeURIComponent(teamId)}/s-1`);
  });
});
