import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import ExpertsView from '../../tabs/src/features/experts/experts-view';
import InsightsView from '../../tabs/src/features/insights/insights-view';
import MyLearningView from '../../tabs/src/features/my-learning/my-learning';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import ProfileView from '../../tabs/src/features/profile/profile-view';
import SessionDetailView from '../../tabs/src/features/session/session-detail';
import SettingsView from '../../tabs/src/features/settings/settings-view';
import { PROFILE_LIMITS } from '../../bot/src/api/contract';
import type { CreateSessionResponse, ExpertResult, ExpertsResponse, ProfileResponse, RsvpResponseBody, SessionDetailResponse } from '../../bot/src/api/contract';
import { apiError, createFakeService, json } from './fake-service';
import { me, members, pairing, teamId, teamSessions, workshop } from './fixtures';
import { renderApp } from './render-app';
import { apiFor, renderView } from './render-view';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const now = () => new Date('2026-11-27T10:00:00.000Z');

afterEach(() => {
  window.sessionStorage.clear();
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
    expect(card.getByRole('button', { name: 'Going' }).getAttribute('aria-pressed')).toBe('true');
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
    const service = devService(() => json(200, { sessionId: 's-2', response: 'yes', waitlisted: true, going: 1, maybe: 0, waitlistCount: 1 } satisfies RsvpResponseBody));
    await renderApp({ fetch: service.fetch });
    const card = within(await screen.findByRole('article', { name: pairing.title }));
    fireEvent.click(card.getByRole('button', { name: 'Going' }));
    expect(await card.findByText('The session is full: you are on the waiting list.')).toBeTruthy();
    expect(card.getByText('1 going')).toBeTruthy();
  });
});

describe('navigation', () => {
  it('opens views from the nav and lazy-loads them', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
    });
    await renderApp({ fetch: service.fetch });
    await screen.findAllByTestId('session-card');
    const nav = screen.getByRole('navigation', { name: 'PeerLearn' });
    await act(async () => {
      fireEvent.click(within(nav).getByRole('tab', { name: 'Insights' }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeTruthy();
    expect(screen.getByText('Insights are coming soon')).toBeTruthy();
    expect(window.location.hash).toBe('#/insights');
    await act(async () => {
      fireEvent.click(within(nav).getByRole('tab', { name: 'Settings' }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });
});

function detailOf(overrides: Partial<SessionDetailResponse> = {}): SessionDetailResponse {
  return {
    ...workshop,
    waitlisted: 0,
    openToOrganisation: false,
    attendees: [{ userId: 'b', displayName: 'Bram Jansen' }],
    waitlist: [],
    isHost: false,
    myWaitlisted: false,
    calendarUrl: 'https://tab.example/api/v1/calendar/s-1.ics?sig=abc',
    ...overrides,
  };
}

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
              { questionId: 'q2', text: 'Is er koffie?', askedAt: '2026-11-20T10:00:00Z', asker: { userId: 'c', displayName: 'Chloé Bakker' } },
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
    expect(screen.getByRole('link', { name: 'Toevoegen aan agenda' }).getAttribute('href')).toBe('https://tab.example/api/v1/calendar/s-1.ics?sig=abc');
    expect(screen.getByRole('link', { name: 'Sessie bewerken' }).getAttribute('href')).toBe(`#/sessions/${encodeURIComponent(teamId)}/s-1/edit`);
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
});

describe('plan a session', () => {
  const plan = (fetch: Parameters<typeof apiFor>[0], saved: string[] = []) => (
    <PlanSessionView api={apiFor(fetch)} teamId={teamId} onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} />
  );

  it('validates inline in English', async () => {
    const service = createFakeService({});
    await renderView(plan(service.fetch));
    fireEvent.change(await screen.findByRole('spinbutton', { name: /Duration/ }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Give the session a title.')).toBeTruthy();
    expect(screen.getByText('Pick a date.')).toBeTruthy();
    expect(screen.getByText('Pick a start time.')).toBeTruthy();
    expect(screen.getByText('Enter a duration between 5 and 480 minutes.')).toBeTruthy();
    expect(service.calls).toHaveLength(0);
  });

  it('validates inline in Dutch', async () => {
    const service = createFakeService({});
    await renderView(plan(service.fetch), 'nl');
    fireEvent.change(await screen.findByRole('textbox', { name: /Onlinelink/ }), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    expect(await screen.findByText('Geef de sessie een titel.')).toBeTruthy();
    expect(screen.getByText('Vul een webadres in dat begint met https://.')).toBeTruthy();
    expect(service.calls).toHaveLength(0);
  });

  it('maps the server field errors onto the fields and loses nothing; the draft survives a remount', async () => {
    window.sessionStorage.setItem(
      `peerlearn.draft.${teamId}.new`,
      JSON.stringify({ title: 'Bicep basics', date: '2026-12-08', time: '14:30', duration: '60', format: 'demo' }),
    );
    const service = createFakeService({
      [`POST ${sessions}`]: (_c, nth) =>
        nth === 0
          ? json(400, {
              error: {
                code: 'invalid_session',
                message: 'The session was not saved.',
                fields: { title: 'The title is too long.', capacity: 'Places must be a whole number.' },
                problems: [
                  { field: 'title', code: 'titleTooLong' },
                  { field: 'capacity', code: 'somethingNew' },
                ],
              },
            })
          : json(201, { sessions: [{ ...pairing, sessionId: 's-new' }] } satisfies CreateSessionResponse),
    });
    const saved: string[] = [];
    const view = await renderView(plan(service.fetch, saved));
    expect(await screen.findByText('We restored what you typed last time.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Keep the title under 120 characters.')).toBeTruthy();
    expect(screen.getByText('Check this field.')).toBeTruthy();
    expect(screen.getAllByRole('alert').some((a) => /Everything you typed is still here/.test(a.textContent ?? ''))).toBe(true);
    expect((screen.getByRole('textbox', { name: /Title/ }) as HTMLInputElement).value).toBe('Bicep basics');
    const body = service.callsTo('POST', sessions)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Bicep basics', format: 'demo', durationMinutes: 60, capacity: null, startsAt: '2026-12-08T13:30:00.000Z' });

    view.unmount();
    await renderView(plan(service.fetch, saved));
    expect(((await screen.findByRole('textbox', { name: /Title/ })) as HTMLInputElement).value).toBe('Bicep basics');
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    expect(window.sessionStorage.getItem(`peerlearn.draft.${teamId}.new`)).toBeNull();
  });
});

function expert(overrides: Partial<ExpertResult> & Pick<ExpertResult, 'userId' | 'displayName'>): ExpertResult {
  return {
    match: 'skill',
    sessionsTaught: 1,
    explanation: 'Bicep · level 3 · 2 endorsements · 1 session taught',
    teaches: [{ name: 'Bicep', level: 3, endorsements: 2 }],
    languages: ['nl'],
    availability: '',
    chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=b',
    ...overrides,
  };
}

function experts(results: readonly ExpertResult[], q = '', skip = 0): ExpertsResponse {
  return { query: q, skip, count: 25, suggestions: q === '', results };
}

describe('discussion leader', () => {
  it('takes the suggestion (fair rotation) into the new session, and says when there is nobody', async () => {
    window.sessionStorage.setItem(`peerlearn.draft.${teamId}.new`, JSON.stringify({ title: 'Bicep basics', date: '2026-12-08', time: '14:30', duration: '60' }));
    const service = createFakeService({
      [`GET ${sessions}/suggest-discussion-leader`]: (_c, nth) => json(200, nth === 0 ? { suggestion: { userId: 'c', displayName: 'Chloé Bakker' } } : {}),
      [`POST ${sessions}`]: () => json(201, { sessions: [{ ...pairing, sessionId: 's-new' }] } satisfies CreateSessionResponse),
    });
    const saved: string[] = [];
    await renderView(<PlanSessionView api={apiFor(service.fetch)} teamId={teamId} onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} />, 'nl');
    expect((await screen.findByTestId('discussion-leader')).textContent).toBe('Nog geen discussieleider.');
    fireEvent.click(screen.getByRole('button', { name: 'Stel iemand voor' }));
    await waitFor(() => expect(screen.getByTestId('discussion-leader').textContent).toBe('Chloé Bakker'));
    fireEvent.click(screen.getByRole('button', { name: 'Stel iemand voor' }));
    expect(await screen.findByText('Er is nu niemand anders om voor te stellen.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    expect(service.callsTo('POST', sessions)[0]?.body).toMatchObject({ discussionLeaderId: 'c' });
  });
});

describe('edit a session', () => {
  it('starts from the stored session and saves with PATCH', async () => {
    const path = `${sessions}/s-1`;
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, detailOf({ isHost: true, startsAt: '2026-12-03T13:00:00.000Z' })),
      [`PATCH ${path}`]: (call) => json(200, detailOf({ isHost: true, ...(call.body as object) })),
    });
    const saved: string[] = [];
    await renderView(<PlanSessionView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit session' })).toBeTruthy();
    const title = screen.getByRole('textbox', { name: /Title/ }) as HTMLInputElement;
    expect(title.value).toBe(workshop.title);
    fireEvent.change(title, { target: { value: 'Generics, revisited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-1']));
    expect(service.callsTo('PATCH', path)[0]?.body).toMatchObject({ title: 'Generics, revisited', startsAt: '2026-12-03T13:00:00.000Z', durationMinutes: 45, capacity: 20 });
  });

  it('clearing the place sends it empty, so the stored place is removed rather than kept', async () => {
    const path = `${sessions}/s-1`;
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, detailOf({ isHost: true, startsAt: '2026-12-03T13:00:00.000Z' })),
      [`PATCH ${path}`]: (call) => json(200, detailOf({ isHost: true, ...(call.body as object) })),
    });
    const saved: string[] = [];
    await renderView(<PlanSessionView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} />);
    const place = (await screen.findByRole('textbox', { name: /Place/ })) as HTMLInputElement;
    expect(place.value).toBe('Room 3.14');
    fireEvent.change(place, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-1']));
    expect(service.callsTo('PATCH', path)[0]?.body).toMatchObject({ place: '' });
  });
});

describe('experts', () => {
  it('searches after typing stops, with filters, and shows why', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, experts([expert({ userId: 'b', displayName: 'Bram Jansen' })])),
    });
    const seen: string[] = [];
    const fetch: typeof service.fetch = (input, init) => {
      seen.push(input);
      return service.fetch(input, init);
    };
    await renderView(<ExpertsView api={apiFor(fetch)} debounceMs={20} />);
    expect(await screen.findByText('Bram Jansen')).toBeTruthy();
    expect(screen.getByText('People you might ask')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: /Search by skill/ }), { target: { value: 'b' } });
    fireEvent.change(screen.getByRole('searchbox', { name: /Search by skill/ }), { target: { value: 'bicep' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Level' }), { target: { value: '3' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'nl' } });
    await waitFor(() => expect(seen.at(-1)).toBe('/api/v1/experts?q=bicep&skip=0&count=25&level=3&language=nl'));
    // Debounced: the half-typed "b" never went out.
    expect(seen.some((url) => url.includes('q=b&'))).toBe(false);
    expect(await screen.findByText('Why: Bicep · level 3 · 2 endorsements · 1 session taught')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Chat with Bram Jansen' })).toBeTruthy();
  });

  it('endorses the matched skill, and explains why you cannot endorse yourself', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': () =>
        json(200, experts([expert({ userId: 'b', displayName: 'Bram Jansen', skill: { name: 'Bicep', level: 3, endorsements: 2 } }), expert({ userId: 'anna-oid', displayName: 'Anna de Vries', skill: { name: 'Bicep', level: 2, endorsements: 0 } })], 'bicep')),
      'POST /api/v1/people/b/endorsements': () => json(201, { userId: 'b', skill: 'Bicep', count: 3, created: true }),
      'POST /api/v1/people/anna-oid/endorsements': () => apiError(400, 'self_endorsement'),
    });
    await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="bicep" debounceMs={0} />);
    const bram = within(await screen.findByRole('article', { name: 'Bram Jansen' }));
    fireEvent.click(bram.getByRole('button', { name: 'Endorse Bicep' }));
    expect((await bram.findByRole('status')).textContent).toBe('You endorsed Bicep (3 in total).');
    expect(service.callsTo('POST', '/api/v1/people/b/endorsements')[0]?.body).toEqual({ skill: 'Bicep' });
    const anna = within(screen.getByRole('article', { name: 'Anna de Vries' }));
    fireEvent.click(anna.getByRole('button', { name: 'Endorse Bicep' }));
    expect((await anna.findByRole('alert')).textContent).toBe('You cannot endorse your own skills.');
  });

  it('pages with skip when there are more than 25', async () => {
    const many = Array.from({ length: 25 }, (_, i) => expert({ userId: `u${i}`, displayName: `Person ${i}` }));
    const service = createFakeService({
      'GET /api/v1/experts': (_c, nth) => json(200, nth === 0 ? experts(many) : experts([expert({ userId: 'last', displayName: 'Last One' })], '', 25)),
    });
    const seen: string[] = [];
    await renderView(<ExpertsView api={apiFor((i, init) => (seen.push(i), service.fetch(i, init)))} debounceMs={5} />);
    expect(await screen.findAllByTestId('expert-card')).toHaveLength(25);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Last One')).toBeTruthy();
    expect(seen.at(-1)).toContain('skip=25');
    expect(screen.getAllByTestId('expert-card')).toHaveLength(26);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('has a designed empty state and a friendly error in Dutch', async () => {
    const service = createFakeService({ 'GET /api/v1/experts': (_c, nth) => (nth === 0 ? json(200, experts([], 'zzz')) : apiError(500, 'internal')) });
    await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />, 'nl');
    expect(await screen.findByText('Geen experts gevonden')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'x' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/aan de kant van PeerLearn/);
  });
});

describe('my profile', () => {
  const profile: ProfileResponse = {
    tenantId: 'tenant-1',
    userId: 'anna-oid',
    displayName: 'Anna de Vries',
    bio: 'Hi',
    teaches: [{ name: 'Bicep', level: 2 }],
    wants: ['Go'],
    languages: ['nl'],
    availability: '',
    endorsements: [{ skill: 'Bicep', count: 3, byMe: false }],
    sessionsTaught: 2,
  };

  it('adds a suggested skill, sets its level and saves; a failed save keeps the form', async () => {
    const service = createFakeService({
      'GET /api/v1/me/profile': () => json(200, profile),
      'GET /api/v1/skills/suggest': () => json(200, { query: 'js', suggestions: [{ name: 'JavaScript', quality: 'prefix' }] }),
      'PUT /api/v1/me/profile': (call, nth) =>
        nth === 0
          ? apiError(503, 'storage_unavailable')
          : json(200, { ...profile, ...(call.body as object), teaches: [{ name: 'Bicep', level: 2 }, { name: 'JavaScript', level: 3 }], normalised: [{ from: 'js', to: 'JavaScript' }] }),
    });
    await renderView(<ProfileView api={apiFor(service.fetch)} debounceMs={10} />);
    expect(await screen.findByText('3 endorsements')).toBeTruthy();
    expect(screen.getByText(/You taught 2 sessions so far/)).toBeTruthy();
    const add = screen.getByRole('combobox', { name: 'Add a skill' });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Type a skill first.')).toBeTruthy();
    fireEvent.change(add, { target: { value: 'bicep' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('You already have this skill.')).toBeTruthy();
    fireEvent.change(add, { target: { value: 'js' } });
    await waitFor(() => expect(service.callsTo('GET', '/api/v1/skills/suggest').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Level for js' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/wasn't saved/);
    expect(screen.getByText('js')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Your profile is saved\. Saved with the team spelling: js → JavaScript\./);
    expect(screen.getByText('JavaScript')).toBeTruthy();
    expect(service.callsTo('PUT', '/api/v1/me/profile')[1]?.body).toEqual({
      bio: 'Hi',
      teaches: [
        { name: 'Bicep', level: 2 },
        { name: 'js', level: 3 },
      ],
      wants: ['Go'],
      languages: ['nl'],
      availability: '',
    });
  });

  it('explains a bio that is too long in Dutch and does not send it', async () => {
    const service = createFakeService({ 'GET /api/v1/me/profile': () => json(200, profile) });
    await renderView(<ProfileView api={apiFor(service.fetch)} />, 'nl');
    const bio = await screen.findByRole('textbox', { name: 'Over mij' });
    const tooLong = `Houd je beschrijving korter dan ${PROFILE_LIMITS.bioChars} tekens.`;
    fireEvent.change(bio, { target: { value: 'x'.repeat(PROFILE_LIMITS.bioChars) } });
    expect(screen.queryByText(tooLong)).toBeNull();
    fireEvent.change(bio, { target: { value: 'x'.repeat(PROFILE_LIMITS.bioChars + 1) } });
    expect(screen.getByText(tooLong)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Profiel opslaan' }));
    expect(service.callsTo('PUT', '/api/v1/me/profile')).toHaveLength(0);
  });
});

describe('insights', () => {
  it('has a designed coming-soon state in both languages', async () => {
    await renderView(<InsightsView />, 'nl');
    expect(screen.getByText('Inzichten komen binnenkort')).toBeTruthy();
  });
});

describe('a returning visitor outside Teams', () => {
  it('loads the board for the remembered member before the member list answers, and keeps it when the list arrives', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.localStorage.setItem('peerlearn.memberIdentity', JSON.stringify(members.members[0]));
    let releaseMembers: (r: Response) => void = () => undefined;
    const service = createFakeService({
      'GET /dev/members': () => new Promise<Response>((resolve) => (releaseMembers = resolve)),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
    });
    await renderApp({ fetch: service.fetch });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    await act(async () => releaseMembers(json(200, members)));
    expect(screen.getByRole('combobox', { name: 'Acting as' })).toBeTruthy();
    expect(screen.getAllByTestId('session-card')).toHaveLength(2);
    // One token, one board load: the list replacing the remembered copy did not start over.
    expect(service.callsTo('POST', '/dev/token')).toHaveLength(1);
    expect(service.callsTo('GET', sessions)).toHaveLength(1);
  });
});

describe('loading, empty and error states', () => {
  const pending = () => new Promise<Response>(() => undefined);

  it.each([
    ['experts', 'GET /api/v1/experts', () => <ExpertsView api={apiFor(createFakeService({ 'GET /api/v1/experts': pending }).fetch)} debounceMs={0} />, 'Searching…'],
    ['profile', 'GET /api/v1/me/profile', () => <ProfileView api={apiFor(createFakeService({ 'GET /api/v1/me/profile': pending }).fetch)} />, 'Loading your profile…'],
    ['session', 'GET', () => <SessionDetailView api={apiFor(createFakeService({ [`GET ${sessions}/s-1`]: pending }).fetch)} teamId={teamId} sessionId="s-1" locale="en" />, 'Loading the session…'],
    ['my learning', 'GET', () => <MyLearningView api={apiFor(createFakeService({ 'GET /api/v1/me': pending }).fetch)} locale="en" />, 'Loading your sessions…'],
  ] as const)('%s shows a labelled spinner while it waits', async (_name, _route, view, label) => {
    await renderView(view());
    expect(await screen.findByText(label)).toBeTruthy();
  });

  it('my learning: a designed empty state in Dutch, and a friendly error when the service is down', async () => {
    const empty = createFakeService({
      'GET /api/v1/me': () => json(200, { ...me(), teaches: [], wants: [] }),
      [`GET ${sessions}`]: () => json(200, teamSessions([pairing])),
    });
    await renderView(<MyLearningView api={apiFor(empty.fetch)} locale="nl" />, 'nl');
    expect(await screen.findByText('Je hebt geen komende sessies. Kijk eens op de borden van je teams.')).toBeTruthy();
    expect(screen.getByText('Je hebt nog geen vaardigheden toegevoegd.')).toBeTruthy();
  });

  it('my learning: the service down shows a retry, never a blank page', async () => {
    const down = createFakeService({ 'GET /api/v1/me': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    await renderView(<MyLearningView api={apiFor(down.fetch)} locale="en" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't reach PeerLearn/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('profile: a load error offers a retry', async () => {
    const service = createFakeService({ 'GET /api/v1/me/profile': () => apiError(500, 'internal') });
    await renderView(<ProfileView api={apiFor(service.fetch)} />, 'nl');
    expect((await screen.findByRole('alert')).textContent).toMatch(/aan de kant van PeerLearn/);
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });

  it('settings: language and theme in standalone mode, "follows Teams" otherwise', async () => {
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
