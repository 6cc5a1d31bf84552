import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { FORMER_COLLEAGUE_ID } from '../../bot/src/api/contract';
import type { KudosWallResponse, LearningRequestView, SessionPerson, TipView } from '../../bot/src/api/contract';
import { KudosWall } from '../../tabs/src/features/kudos/kudos-wall';
import { LearningRequests } from '../../tabs/src/features/requests/learning-requests';
import SessionDetailView from '../../tabs/src/features/session/session-detail';
import { SessionCard } from '../../tabs/src/shared/sessions/session-card';
import { TipItem } from '../../tabs/src/shared/tips/tip-item';
import { createFakeService, json } from '../support/tab/fake-service';
import { teamId, workshop } from '../support/tab/fixtures';
import { detailOf } from '../support/tab/session-detail';
import { apiFor, renderView } from '../support/tab/render-view';

/** What the service puts where an erased person stood. */
const former: SessionPerson = { userId: FORMER_COLLEAGUE_ID, displayName: '' };
const bram: SessionPerson = { userId: 'bram-oid', displayName: 'Bram Jansen' };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

afterEach(() => {
  jest.restoreAllMocks();
});

describe('someone who erased their data is "a former colleague" wherever the tab names people', () => {
  it('on a session card: host, teachers and discussion leader', async () => {
    const session = { ...workshop, startsAt: inDays(2), host: former, teachers: [former, bram], discussionLeader: former };
    await renderView(<SessionCard session={session} locale="en-GB" />);
    const card = within(screen.getByRole('article'));
    expect(card.getByText('A former colleague and Bram Jansen')).toBeTruthy();
    expect(card.getAllByText('A former colleague')).toHaveLength(2);
  });

  it('in the session detail (Dutch), also twice in the attendee list, without React key clashes', async () => {
    const consoleError = jest.spyOn(console, 'error');
    const path = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/s-1`;
    const detail = detailOf({ startsAt: inDays(2), host: former, teachers: [bram, former], attendees: [former, bram, former] });
    const service = createFakeService({ [`GET ${path}`]: () => json(200, detail) });
    await renderView(<SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="nl-NL" />, 'nl');
    const attendees = await screen.findByRole('heading', { level: 2, name: 'Wie er komt' });
    const list = within(attendees.parentElement as HTMLElement).getByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Een voormalige collega', 'Bram Jansen', 'Een voormalige collega']);
    expect(screen.getByText('Bram Jansen en een voormalige collega')).toBeTruthy();
    expect(consoleError.mock.calls.filter(([message]) => String(message).includes('same key'))).toEqual([]);
  });

  it('on the kudos wall, as giver and as receiver', async () => {
    const wall: KudosWallResponse = {
      teamId,
      kudos: [
        { kudosId: 'k2', from: former, to: bram, message: 'Thanks!', createdAt: daysAgo(1) },
        { kudosId: 'k1', from: bram, to: former, message: 'Dank je!', createdAt: daysAgo(2) },
      ],
    };
    const service = createFakeService({ [`GET /api/v1/teams/${encodeURIComponent(teamId)}/kudos`]: () => json(200, wall) });
    await renderView(<KudosWall api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" timeZone="Europe/Amsterdam" />);
    const items = await screen.findAllByTestId('kudos-item');
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'A former colleague thanked Bram Jansen',
      'Bram Jansen thanked a former colleague',
    ]);
  });

  it("as a tip's author, and a request's author", async () => {
    const tip: TipView = {
      tipId: 't-1',
      title: 'Use satisfies',
      body: '',
      skills: [],
      author: former,
      createdAt: daysAgo(1),
      canDelete: false,
    };
    const request: LearningRequestView = {
      requestId: 'r-1',
      teamId,
      skill: 'Bicep',
      status: 'open',
      votes: 1,
      voted: false,
      author: former,
      isAuthor: false,
      experts: [],
      canClose: false,
      canHandBack: false,
      createdAt: daysAgo(3),
    };
    const path = `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;
    const service = createFakeService({ [`GET ${path}`]: () => json(200, { teamId, requests: [request] }) });
    await renderView(
      <>
        <TipItem tip={tip} locale="en-GB" />
        <LearningRequests api={apiFor(service.fetch)} teamId={teamId} />
      </>,
    );
    expect(screen.getByText(/^Shared by a former colleague/)).toBeTruthy();
    expect(await screen.findByText(/^Asked by a former colleague/)).toBeTruthy();
  });
});
