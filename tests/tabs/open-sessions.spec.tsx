import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { OpenSessionSummary, OpenSessionsResponse, RsvpResponseBody } from '../../bot/src/api/contract';
import OpenSessionsView from '../../tabs/src/features/open/open-sessions-view';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { me, members, pairing, teamId, teamSessions, workshop } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';
import { apiFor, renderView } from '../support/tab/render-view';

const dataTeam = '19:data@thread.tacv2';

function open(overrides: Partial<OpenSessionSummary> & Pick<OpenSessionSummary, 'sessionId' | 'title'>): OpenSessionSummary {
  return {
    ...workshop,
    teamId: dataTeam,
    teamName: 'Data team',
    timeZone: 'America/New_York',
    capacity: null,
    going: 2,
    maybe: 0,
    ...overrides,
  };
}

const sqlClinic = open({ sessionId: 'o-1', title: 'SQL clinic', skills: ['SQL'] });
const dbt = open({ sessionId: 'o-2', title: 'dbt for analysts', skills: ['dbt'] });
const k8s = open({ sessionId: 'o-3', title: 'Kubernetes basics', teamName: 'Platform crew', teamId: '19:crew@thread.tacv2' });

afterEach(() => {
  window.location.hash = '';
});

describe('open to everyone', () => {
  it('lists the sessions of other teams with their team, searches, and pages', async () => {
    const service = createFakeService({
      'GET /api/v1/sessions/open': (call) => {
        const q = new URLSearchParams(call.query);
        if (q.get('q') === 'cobol') return json(200, { sessions: [] } satisfies OpenSessionsResponse);
        if (q.get('q') === 'sql') return json(200, { sessions: [sqlClinic] } satisfies OpenSessionsResponse);
        if (q.get('cursor') === 'next') return json(200, { sessions: [k8s] } satisfies OpenSessionsResponse);
        return json(200, { sessions: [sqlClinic, dbt], nextCursor: 'next' } satisfies OpenSessionsResponse);
      },
    });
    const { container } = await renderView(<OpenSessionsView api={apiFor(service.fetch)} locale="en-GB" debounceMs={0} />);
    await screen.findByRole('article', { name: 'SQL clinic' });
    expect(screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual([
      'SQL clinic',
      'dbt for analysts',
    ]);
    expect(screen.getAllByText('From Data team')).toHaveLength(2);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Kubernetes basics')).toBeTruthy();
    expect(screen.getByText('From Platform crew')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by skill or title' }), { target: { value: 'sql' } });
    await waitFor(() => expect(service.calls.some((c) => c.query.includes('q=sql'))).toBe(true));
    await screen.findByText('SQL clinic');
    await waitFor(() => expect(screen.queryByText('dbt for analysts')).toBeNull());
    expect(screen.getAllByRole('article')).toHaveLength(1);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by skill or title' }), { target: { value: 'cobol' } });
    expect(await screen.findByText('No session matches “cobol”')).toBeTruthy();
  });

  it('sends an answer to the session’s own team', async () => {
    const service = createFakeService({
      'GET /api/v1/sessions/open': () => json(200, { sessions: [sqlClinic] } satisfies OpenSessionsResponse),
      [`PUT /api/v1/teams/${encodeURIComponent(dataTeam)}/sessions/o-1/rsvp`]: () =>
        json(200, {
          sessionId: 'o-1',
          response: 'yes',
          waitlisted: false,
          going: 3,
          maybe: 0,
          waitlistCount: 0,
        } satisfies RsvpResponseBody),
    });
    await renderView(<OpenSessionsView api={apiFor(service.fetch)} locale="en-GB" debounceMs={0} />);
    const card = within(await screen.findByRole('article', { name: 'SQL clinic' }));
    fireEvent.click(card.getByRole('button', { name: 'Going' }));
    expect(await card.findByText('3 going')).toBeTruthy();
    expect(service.callsTo('PUT', `/api/v1/teams/${encodeURIComponent(dataTeam)}/sessions/o-1/rsvp`)[0]?.body).toEqual({ response: 'yes' });
  });

  it('speaks Dutch and says when nothing is open yet', async () => {
    const service = createFakeService({ 'GET /api/v1/sessions/open': () => json(200, { sessions: [] }) });
    await renderView(<OpenSessionsView api={apiFor(service.fetch)} locale="nl-NL" debounceMs={0} />, 'nl');
    expect(await screen.findByText('Nog niets open voor iedereen')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open voor iedereen');
  });

  it('shows other teams’ open sessions on the board, not its own, with a link to all', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    const ownOpen = open({ sessionId: pairing.sessionId, title: pairing.title, teamId, teamName: 'Platform Team' });
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/sessions`]: () => json(200, teamSessions()),
      // Like the service: `exceptTeam` leaves the board's own team out before the page is cut.
      'GET /api/v1/sessions/open': (call) => {
        const except = new URLSearchParams(call.query).get('exceptTeam');
        const sessions = [ownOpen, sqlClinic].filter((s) => s.teamId !== except);
        return json(200, { sessions } satisfies OpenSessionsResponse);
      },
    });
    await renderApp({ fetch: service.fetch });
    const section = within(await screen.findByTestId('open-board'));
    expect(section.getByRole('heading', { level: 2 }).textContent).toBe('Open to everyone');
    expect(section.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual(['SQL clinic']);
    expect(section.getByRole('link', { name: 'See all sessions open to everyone' }).getAttribute('href')).toBe('#/open');
    expect(service.callsTo('GET', '/api/v1/sessions/open').map((c) => new URLSearchParams(c.query).get('exceptTeam'))).toEqual([teamId]);
  });
});
