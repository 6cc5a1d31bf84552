import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { REQUEST_NOTE_MAX } from '../../bot/src/api/contract';
import type { ApiError, LearningRequestDetailResponse, LearningRequestsResponse, LearningRequestView } from '../../bot/src/api/contract';
import { LearningRequests } from '../../tabs/src/features/requests/learning-requests';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import { hrefFor, parseHashRoute } from '../../tabs/src/shared/routes';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Call } from '../support/tab/fake-service';
import { teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const path = `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;
const typescript: LearningRequestView = {
  requestId: 'r-ts',
  teamId,
  skill: 'TypeScript',
  note: 'Generics, please',
  status: 'open',
  votes: 3,
  voted: false,
  author: { userId: 'u-cleo', displayName: 'Cleo Curious' },
  isAuthor: false,
  experts: [
    { userId: 'u-hanna', displayName: 'Hanna Host' },
    { userId: 'u-bob', displayName: 'Bob Builder' },
  ],
  canClose: false,
  canHandBack: false,
  createdAt: '2026-11-25T10:00:00.000Z',
};
const mine: LearningRequestView = {
  ...typescript,
  requestId: 'r-excel',
  skill: 'Excel',
  votes: 1,
  voted: true,
  isAuthor: true,
  canClose: true,
  experts: [],
  author: { userId: 'u-anna', displayName: 'Anna de Vries' },
};
const { note: _none, ...mineWithoutNote } = mine;
const list: LearningRequestsResponse = { teamId, requests: [typescript, mineWithoutNote] };

beforeEach(() => {
  window.sessionStorage.clear();
});

describe('learning requests on the board', () => {
  it('shows the open requests with skill, note, author, +1 state, experts linking to expert search, and "I can teach this"', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, list) });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    const section = within(await screen.findByRole('region', { name: 'Open learning requests' }));
    const items = await section.findAllByTestId('learning-request');
    expect(items).toHaveLength(2);
    const ts = within(items[0] as HTMLElement);
    expect(ts.getByRole('heading', { level: 3 }).textContent).toBe('TypeScript');
    expect(ts.getByText('Generics, please')).toBeTruthy();
    expect(ts.getByText(/Asked by Cleo Curious · 3 want this/)).toBeTruthy();
    const plusOne = ts.getByRole('button', { name: '+1 for TypeScript · 3' });
    expect(plusOne.getAttribute('aria-pressed')).toBe('false');
    expect(plusOne.textContent).toBe('+1 for TypeScript · 3');
    expect(ts.getByRole('link', { name: 'Hanna Host' }).getAttribute('href')).toBe('#/experts?q=TypeScript');
    expect(ts.getByRole('link', { name: 'Bob Builder' }).getAttribute('href')).toBe('#/experts?q=TypeScript');
    expect(ts.getByRole('button', { name: 'I can teach this' })).toBeTruthy();

    // One's own request: counted, not toggled, not taken by oneself, but closable.
    const excel = within(items[1] as HTMLElement);
    expect(excel.getByText(/Asked by you · 1 wants this/)).toBeTruthy();
    const own = excel.getByRole('button', { name: '+1 for Excel · 1' });
    expect(own.getAttribute('aria-pressed')).toBe('true');
    expect(own.hasAttribute('disabled') || own.getAttribute('aria-disabled') === 'true').toBe(true);
    expect(excel.queryByRole('button', { name: 'I can teach this' })).toBeNull();
    expect(excel.getByText('Nobody has listed this skill on their profile yet.')).toBeTruthy();
    expect(excel.getByRole('button', { name: 'Close request' })).toBeTruthy();
    expect(service.calls[0]?.authorization).toBe('Bearer test-token');
  });

  it('+1 toggles: PUT then DELETE, with aria-pressed and the count following the service', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, list),
      [`PUT ${path}/r-ts/vote`]: () => json(200, { ...typescript, votes: 4, voted: true }),
      [`DELETE ${path}/r-ts/vote`]: () => json(200, { ...typescript, votes: 3, voted: false }),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    fireEvent.click(await screen.findByRole('button', { name: '+1 for TypeScript · 3' }));
    const on = await screen.findByRole('button', { name: '+1 for TypeScript · 4' });
    expect(on.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(on);
    const off = await screen.findByRole('button', { name: '+1 for TypeScript · 3' });
    expect(off.getAttribute('aria-pressed')).toBe('false');
    expect(service.callsTo('PUT', `${path}/r-ts/vote`)).toHaveLength(1);
    expect(service.callsTo('DELETE', `${path}/r-ts/vote`)).toHaveLength(1);
  });

  it('a failed +1 says so on the card and changes nothing', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, list),
      [`PUT ${path}/r-ts/vote`]: () => apiError(409, 'request_taken'),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    fireEvent.click(await screen.findByRole('button', { name: '+1 for TypeScript · 3' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your +1 was not saved. Please try again. Someone else is already teaching this.',
    );
    expect(screen.getByRole('button', { name: '+1 for TypeScript · 3' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('"I can teach this" opens the plan view, prefilled from the draft, without taking the request', async () => {
    const draft: LearningRequestDetailResponse = {
      request: typescript,
      draft: {
        title: 'Learn TypeScript together',
        skills: ['TypeScript'],
        description: 'Colleagues asked on the team board to learn TypeScript (3 want this). The request said: “Generics, please”',
      },
    };
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, list),
      [`GET ${path}/r-ts`]: () => json(200, draft),
    });
    const went: string[] = [];
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} onNavigate={(href) => went.push(href)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'I can teach this' }));
    await waitFor(() => expect(went).toHaveLength(1));
    expect(went[0]).toBe(`#/plan/${encodeURIComponent(teamId)}?request=r-ts`);
    const route = parseHashRoute(went[0] ?? '');
    expect(route).toEqual({ name: 'plan', teamId, request: 'r-ts' });
    // Opening the form takes nothing: only the session's save does (issue #12).
    expect(service.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(hrefFor({ name: 'plan', teamId })).toBe(`#/plan/${encodeURIComponent(teamId)}`);

    document.body.innerHTML = '';
    await renderView(
      <PlanSessionView api={apiFor(service.fetch)} teamId={teamId} requestId="r-ts" onSaved={() => undefined} onCancel={() => undefined} />,
    );
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    expect((title as HTMLInputElement).value).toBe('Learn TypeScript together');
    expect((screen.getByRole('textbox', { name: 'Skills (comma-separated)' }) as HTMLInputElement).value).toBe('TypeScript');
    expect((screen.getByRole('textbox', { name: 'Description' }) as HTMLTextAreaElement).value).toContain('“Generics, please”');
    expect(screen.getByTestId('plan-from-request').textContent).toContain('“TypeScript”');
    // The plan view keeps its draft: a change survives a reload of the same request.
    fireEvent.change(title, { target: { value: 'TypeScript generics, hands-on' } });
    document.body.innerHTML = '';
    await renderView(
      <PlanSessionView api={apiFor(service.fetch)} teamId={teamId} requestId="r-ts" onSaved={() => undefined} onCancel={() => undefined} />,
    );
    expect(((await screen.findByRole('textbox', { name: /^Title/ })) as HTMLInputElement).value).toBe('TypeScript generics, hands-on');
  });

  it('has a designed empty state, in Dutch', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, { teamId, requests: [] }) });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, 'nl');
    expect(await screen.findByRole('heading', { level: 3, name: 'Geen open leervragen' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Open leervragen' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Vraag om iets te leren' })).toBeTruthy();
  });

  it('a failure says what happened and retries', async () => {
    const service = createFakeService({
      [`GET ${path}`]: (_call, nth) => (nth === 0 ? apiError(503, 'storage_unavailable') : json(200, list)),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    expect((await screen.findByRole('alert')).textContent).toContain("PeerLearn can't get to its data at the moment.");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('learning-request')).toHaveLength(2);
  });
});

describe('asking to learn something', () => {
  it('checks inline in English: a skill is required, nothing is sent', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, { teamId, requests: [] }) });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ask' }));
    expect(await screen.findByText('Say what you want to learn.')).toBeTruthy();
    expect(service.callsTo('POST', path)).toHaveLength(0);
  });

  it("checks inline in Dutch: a note one character over the service's limit", async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, { teamId, requests: [] }) });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, 'nl');
    fireEvent.change(await screen.findByRole('combobox', { name: /Wat wil je leren/ }), { target: { value: 'SQL' } });
    const tooLong = `Houd de toelichting bij hoogstens ${REQUEST_NOTE_MAX} tekens.`;
    fireEvent.change(screen.getByRole('textbox', { name: /Toelichting/ }), { target: { value: 'x'.repeat(REQUEST_NOTE_MAX) } });
    expect(screen.queryByText(tooLong)).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Toelichting/ }), { target: { value: 'x'.repeat(REQUEST_NOTE_MAX + 1) } });
    expect(await screen.findByText(tooLong)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Vragen' }));
    expect(service.callsTo('POST', path)).toHaveLength(0);
  });

  it('creates a request: it appears on the board and the form empties', async () => {
    const created: LearningRequestView = { ...mine, requestId: 'r-sql', skill: 'SQL', note: 'Joins' };
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, { teamId, requests: [] }),
      [`POST ${path}`]: () => json(201, { created: true, request: created }),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    const skill = await screen.findByRole('combobox', { name: /What do you want to learn/ });
    fireEvent.change(skill, { target: { value: 'sql' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Note/ }), { target: { value: 'Joins' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect((await screen.findByRole('status')).textContent).toBe('Your request for SQL is on the board.');
    expect(service.callsTo('POST', path)[0]?.body).toEqual({ skill: 'sql', note: 'Joins' });
    expect(within(screen.getByTestId('learning-request')).getByRole('heading', { level: 3 }).textContent).toBe('SQL');
    expect((skill as HTMLInputElement).value).toBe('');
  });

  it('suggests the team taxonomy’s spelling while typing the skill', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, { teamId, requests: [] }),
      'GET /api/v1/skills/suggest': () => json(200, { query: 'ts', suggestions: [{ name: 'TypeScript', quality: 'prefix' }] }),
      [`POST ${path}`]: () => json(201, { created: true, request: { ...mine, requestId: 'r-ts', skill: 'TypeScript' } }),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    const skill = await screen.findByRole('combobox', { name: /What do you want to learn/ });
    fireEvent.change(skill, { target: { value: 'ts' } });
    fireEvent.click(await screen.findByRole('option', { name: 'TypeScript' }));
    expect((skill as HTMLInputElement).value).toBe('TypeScript');
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    await screen.findByRole('status');
    expect(service.callsTo('POST', path)[0]?.body).toEqual({ skill: 'TypeScript' });
  });

  it('a skill already asked for: "already asked, +1 it", and no second card', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, list),
      [`POST ${path}`]: () => json(200, { created: false, request: typescript }),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />);
    fireEvent.change(await screen.findByRole('combobox', { name: /What do you want to learn/ }), { target: { value: 'ts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Someone already asked to learn TypeScript: +1 it to show you want it too.',
    );
    expect(screen.getAllByTestId('learning-request')).toHaveLength(2);
  });

  it('a refused save keeps what was typed and shows the server’s field problem in the reader’s language', async () => {
    const refused: ApiError = {
      error: {
        code: 'invalid_request',
        message: 'The learning request needs another look.',
        fields: { skill: 'Name the skill…' },
        problems: [{ field: 'skill', code: 'skillInvalid' }],
      },
    };
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, { teamId, requests: [] }),
      [`POST ${path}`]: (call: Call) => (call.body ? json(400, refused) : apiError(500, 'server')),
    });
    await renderView(<LearningRequests api={apiFor(service.fetch)} teamId={teamId} />, 'nl');
    const skill = await screen.findByRole('combobox', { name: /Wat wil je leren/ });
    fireEvent.change(skill, { target: { value: 'C' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Toelichting/ }), { target: { value: 'Pointers' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vragen' }));
    expect(await screen.findByText('Noem de vaardigheid met minstens één letter of cijfer.')).toBeTruthy();
    // Fluent announces a field's error as an alert too: the save failure is one of them.
    expect((await screen.findAllByRole('alert')).map((el) => el.textContent)).toContain('Je vraag is niet opgeslagen.');
    expect((skill as HTMLInputElement).value).toBe('C');
    expect((screen.getByRole('textbox', { name: /Toelichting/ }) as HTMLTextAreaElement).value).toBe('Pointers');
  });
});
