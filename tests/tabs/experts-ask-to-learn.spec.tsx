import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import ExpertsView from '../../tabs/src/features/experts/experts-view';
import type { CreateLearningRequestResponse, ExpertsResponse, LearningRequestView } from '../../bot/src/api/contract';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: an empty expert search in a team offers "ask to learn this": a new request, or a +1 on the open one. */
const TEAM = '19:team@thread.tacv2';
const empty = (q: string, askerMatched = false): ExpertsResponse => ({
  query: q,
  skip: 0,
  count: 25,
  suggestions: false,
  results: [],
  ...(askerMatched ? { askerMatched } : {}),
});
const view = (voted: boolean, votes: number): LearningRequestView => ({
  requestId: 'r1',
  teamId: TEAM,
  skill: 'Terraform',
  status: 'open',
  votes,
  voted,
  author: { userId: 'someone', displayName: 'Someone' },
  isAuthor: false,
  experts: [],
  canClose: false,
  canHandBack: false,
  createdAt: new Date().toISOString(),
});

const cases: readonly { language: AppLanguage; button: string; created: string; voted: string; board: string }[] = [
  {
    language: 'en',
    button: 'Ask to learn “terraform”',
    created: 'Request created: your team can see you want to learn “terraform”.',
    voted: 'You +1’d the open request for “terraform”.',
    board: 'See it on the board',
  },
  {
    language: 'nl',
    button: 'Vragen om “terraform” te leren',
    created: 'Vraag aangemaakt: je team ziet dat je “terraform” wilt leren.',
    voted: 'Je gaf een +1 op de open vraag voor “terraform”.',
    board: 'Bekijk het op het bord',
  },
];

describe('experts: ask to learn on an empty search', () => {
  it.each(cases)('($language) creates the request, says so and links to the board; axe finds nothing', async (c) => {
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('terraform')),
      [`POST /api/v1/teams/${encodeURIComponent(TEAM)}/requests`]: () =>
        json(201, { created: true, request: view(true, 1) } satisfies CreateLearningRequestResponse),
    });
    const { container } = await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="terraform" teamId={TEAM} />, c.language);
    const ask = await screen.findByRole('button', { name: c.button });
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(ask);
    expect((await screen.findByRole('status')).textContent).toContain(c.created);
    expect(screen.getByRole('link', { name: c.board }).getAttribute('href')).toBe('#/board');
    expect(service.callsTo('POST', `/api/v1/teams/${encodeURIComponent(TEAM)}/requests`)[0]?.body).toEqual({ skill: 'terraform' });
    expect(await axeViolations(container)).toEqual([]);
  });

  it.each(cases)('($language) +1s the open request when there is one, also when only the asker knows it', async (c) => {
    const path = `/api/v1/teams/${encodeURIComponent(TEAM)}/requests`;
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('terraform', true)),
      [`POST ${path}`]: () => json(200, { created: false, request: view(false, 2) } satisfies CreateLearningRequestResponse),
      [`PUT ${path}/r1/vote`]: () => json(200, view(true, 3)),
    });
    await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="terraform" teamId={TEAM} />, c.language);
    fireEvent.click(await screen.findByRole('button', { name: c.button }));
    expect((await screen.findByRole('status')).textContent).toContain(c.voted);
    expect(service.callsTo('PUT', `${path}/r1/vote`)).toHaveLength(1);
  });

  it('a refusal is said in words and the button stays', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('terraform')),
      [`POST /api/v1/teams/${encodeURIComponent(TEAM)}/requests`]: () => apiError(403, 'not_member'),
    });
    await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="terraform" teamId={TEAM} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ask to learn “terraform”' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your request was not saved.');
    expect(screen.getByRole('button', { name: 'Ask to learn “terraform”' })).toBeTruthy();
  });

  it('outside a channel (the personal tab, the browser) asks in the team last chosen on the board, else says there is none', async () => {
    const other = '19:other@thread.tacv2';
    const me = (teams: readonly string[]) => ({
      tenantId: 't',
      userId: 'u',
      displayName: 'Eva',
      teams: teams.map((teamId) => ({ teamId, name: teamId, role: 'member' })),
    });
    const store = new Map([['team', other]]);
    const remembered = { get: (k: string) => store.get(k) ?? null, set: () => undefined, remove: () => undefined };
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('terraform')),
      'GET /api/v1/me': () => json(200, me([TEAM, other])),
      [`POST /api/v1/teams/${encodeURIComponent(other)}/requests`]: () =>
        json(201, { created: true, request: view(true, 1) } satisfies CreateLearningRequestResponse),
    });
    const first = await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="terraform" store={remembered} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ask to learn “terraform”' }));
    expect((await screen.findByRole('status')).textContent).toContain('Request created');
    expect(service.callsTo('POST', `/api/v1/teams/${encodeURIComponent(other)}/requests`)).toHaveLength(1);
    first.unmount();

    const lonely = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('terraform')),
      'GET /api/v1/me': () => json(200, me([])),
    });
    await renderView(<ExpertsView api={apiFor(lonely.fetch)} initialQuery="terraform" />, 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Vragen om “terraform” te leren' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Een leervraag hoort bij een team.');
  });

  it('a skill PeerLearn does not know: nothing close, it is kept as new; close to one, the person picks', async () => {
    const path = `/api/v1/teams/${encodeURIComponent(TEAM)}/requests`;
    const unknown = (skill: string, suggestions: readonly string[]) =>
      json(400, {
        error: {
          code: 'unknownSkill',
          message: 'unknown',
          fields: { skill: 'unknownSkill' },
          unknownSkills: [{ field: 'skill', index: 0, skill, suggestions }],
        },
      });
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('quantumbreien')),
      [`POST ${path}`]: (call) => {
        const body = call.body as { skill: string; newSkills?: readonly string[] };
        if (body.skill === 'Dokcer') return unknown('Dokcer', ['Docker']);
        if (body.skill === 'quantumbreien' && !body.newSkills) return unknown('quantumbreien', []);
        return json(201, { created: true, request: view(true, 1) } satisfies CreateLearningRequestResponse);
      },
    });
    const first = await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="quantumbreien" teamId={TEAM} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ask to learn “quantumbreien”' }));
    expect((await screen.findByRole('status')).textContent).toContain('Request created');
    expect(service.callsTo('POST', path).map((c) => c.body)).toEqual([
      { skill: 'quantumbreien' },
      { skill: 'quantumbreien', newSkills: ['quantumbreien'] },
    ]);
    first.unmount();

    const typo = createFakeService({
      'GET /api/v1/experts': () => json(200, empty('Dokcer')),
      [`POST ${path}`]: (call) =>
        (call.body as { skill: string }).skill === 'Dokcer'
          ? unknown('Dokcer', ['Docker'])
          : json(201, { created: true, request: view(true, 1) } satisfies CreateLearningRequestResponse),
    });
    const { container } = await renderView(<ExpertsView api={apiFor(typo.fetch)} initialQuery="Dokcer" teamId={TEAM} />, 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Vragen om “Dokcer” te leren' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Docker gebruiken' }));
    expect((await screen.findByRole('status')).textContent).toContain('Vraag aangemaakt: je team ziet dat je “Docker” wilt leren.');
    expect(typo.callsTo('POST', path).map((c) => c.body)).toEqual([{ skill: 'Dokcer' }, { skill: 'Docker' }]);
    expect(await axeViolations(container)).toEqual([]);
  });
});
