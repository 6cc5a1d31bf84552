import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type {
  CreateSessionResponse,
  LearningRequestDetailResponse,
  LearningRequestsResponse,
  LearningRequestView,
} from '../../bot/src/api/contract';
import { LearningRequests } from '../../tabs/src/features/requests/learning-requests';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import { axeViolations } from '../support/tab/axe-jsdom';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { TAB_NOW, pairing, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: a request shows who planned it and links to the session; the taker hands it back; the plan form's save takes it. */
const path = `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;
const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const hanna = { userId: 'u-hanna', displayName: 'Hanna Host' };
const planned: LearningRequestView = {
  requestId: 'r-ts',
  teamId,
  skill: 'TypeScript',
  status: 'planned',
  votes: 3,
  voted: false,
  author: { userId: 'u-cleo', displayName: 'Cleo Curious' },
  isAuthor: false,
  takenBy: hanna,
  sessionId: 's-generics',
  experts: [],
  canClose: false,
  canHandBack: true,
  createdAt: TAB_NOW.toISOString(),
};
const { takenBy: _t, sessionId: _s, ...openAgain } = planned;
const reopened: LearningRequestView = { ...openAgain, status: 'open', canHandBack: false };
const list: LearningRequestsResponse = { teamId, requests: [planned] };

afterEach(() => window.sessionStorage.clear());

describe('a planned request on the board', () => {
  for (const [language, plannedBy, open, handBack, teach] of [
    ['en', 'Planned by Hanna Host', 'Open the session', 'Hand it back', 'I can teach this'],
    ['nl', 'Gepland door Hanna Host', 'Bekijk de sessie', 'Teruggeven', 'Ik kan dit uitleggen'],
  ] as const) {
    it(`shows who planned it with a link to the session, and the taker hands it back (${language})`, async () => {
      const service = createFakeService({
        [`GET ${path}`]: () => json(200, list),
        [`POST ${path}/r-ts/hand-back`]: () => json(200, reopened),
      });
      const view = await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, language);
      const card = within(await screen.findByTestId('learning-request'));
      expect(card.getByTestId('request-taken').textContent).toContain(plannedBy);
      expect(card.getByRole('link', { name: open }).getAttribute('href')).toBe(`#/sessions/${encodeURIComponent(teamId)}/s-generics`);
      // Planned: nobody else can take it from here.
      expect(card.queryByRole('button', { name: teach })).toBeNull();
      expect(await axeViolations(view.container)).toEqual([]);

      fireEvent.click(card.getByRole('button', { name: handBack }));
      await waitFor(() => expect(card.queryByTestId('request-taken')).toBeNull());
      expect(service.callsTo('POST', `${path}/r-ts/hand-back`)).toHaveLength(1);
      expect(card.getByRole('button', { name: teach })).toBeTruthy();
      expect(card.queryByRole('button', { name: handBack })).toBeNull();
    });
  }

  it('a refused hand-back says why, in Dutch, and the request stays planned', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, list),
      [`POST ${path}/r-ts/hand-back`]: () => apiError(403, 'not_taker'),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Teruggeven' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'De vraag is niet teruggegeven. Alleen wie deze vraag oppakte en de eigenaren van het team kunnen hem teruggeven.',
    );
    expect(screen.getByTestId('request-taken').textContent).toContain('Gepland door Hanna Host');
  });
});

describe('planning from a request', () => {
  const detail: LearningRequestDetailResponse = {
    request: { ...reopened },
    draft: { title: 'Learn TypeScript together', skills: ['TypeScript'], description: 'Colleagues asked.' },
  };
  const day = new Date(TAB_NOW.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  const draft = { title: 'Learn TypeScript together', skills: 'TypeScript', date: day, time: '14:00', duration: '60', format: 'talk' };
  const plan = (fetch: Parameters<typeof apiFor>[0], saved: string[]) => (
    <PlanSessionView
      api={apiFor(fetch)}
      teamId={teamId}
      requestId="r-ts"
      onSaved={(id) => saved.push(id)}
      onCancel={() => undefined}
      now={() => new Date(TAB_NOW)}
    />
  );

  it('the save carries the request, so the service takes it then', async () => {
    window.sessionStorage.setItem(`peerlearn.draft.${teamId}.request.r-ts`, JSON.stringify(draft));
    const service = createFakeService({
      [`GET ${path}/r-ts`]: () => json(200, detail),
      [`POST ${sessions}`]: () => json(201, { sessions: [{ ...pairing, sessionId: 's-mine' }] } satisfies CreateSessionResponse),
    });
    const saved: string[] = [];
    await renderView(plan(service.fetch, saved));
    fireEvent.click(await screen.findByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-mine']));
    expect(service.callsTo('POST', sessions)[0]?.body).toMatchObject({ title: 'Learn TypeScript together', requestId: 'r-ts' });
    expect(service.calls.some((c) => c.path.endsWith('/take'))).toBe(false);
  });

  for (const [language, text, link, save] of [
    ['en', 'Someone planned a session for this request already', 'Open the session', 'Save session'],
    ['nl', 'Iemand heeft al een sessie voor deze leervraag gepland', 'Bekijk de sessie', 'Sessie opslaan'],
  ] as const) {
    it(`someone planned it first: says so with a link to their session, keeps the draft (${language})`, async () => {
      window.sessionStorage.setItem(`peerlearn.draft.${teamId}.request.r-ts`, JSON.stringify(draft));
      const service = createFakeService({
        [`GET ${path}/r-ts`]: () => json(200, detail),
        [`POST ${sessions}`]: () => json(409, { error: { code: 'request_planned', message: 'Planned already.', sessionId: 's-theirs' } }),
      });
      const saved: string[] = [];
      const view = await renderView(plan(service.fetch, saved), language);
      fireEvent.click(await screen.findByRole('button', { name: save }));
      const alert = await screen.findByTestId('plan-request-planned');
      expect(alert.textContent).toContain(text);
      expect(within(alert).getByRole('link', { name: link }).getAttribute('href')).toBe(
        `#/sessions/${encodeURIComponent(teamId)}/s-theirs`,
      );
      expect(saved).toEqual([]);
      expect(window.sessionStorage.getItem(`peerlearn.draft.${teamId}.request.r-ts`)).toContain('Learn TypeScript together');
      expect(await axeViolations(view.container)).toEqual([]);
    });
  }
});
