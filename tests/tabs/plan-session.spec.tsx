import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import type { CreateSessionResponse } from '../../bot/src/api/contract';
import { createFakeService, json, sessionRefused } from '../support/tab/fake-service';
import { TAB_NOW, pairing, teamId, workshop } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';
import { detailOf } from '../support/tab/session-detail';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const now = () => new Date(TAB_NOW);

// Drafts of the form live in sessionStorage.
afterEach(() => window.sessionStorage.clear());

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
    expect(service.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('validates inline in Dutch', async () => {
    const service = createFakeService({});
    await renderView(plan(service.fetch), 'nl');
    fireEvent.change(await screen.findByRole('textbox', { name: /Onlinelink/ }), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    expect(await screen.findByText('Geef de sessie een titel.')).toBeTruthy();
    expect(screen.getByText('Vul een webadres in dat begint met https://.')).toBeTruthy();
    expect(service.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('maps the server field errors onto the fields and loses nothing; the draft survives a remount', async () => {
    window.sessionStorage.setItem(
      `peerlearn.draft.${teamId}.new`,
      JSON.stringify({ title: 'Bicep basics', date: '2026-12-08', time: '14:30', duration: '60', format: 'demo' }),
    );
    const service = createFakeService({
      [`POST ${sessions}`]: (_c, nth) =>
        nth === 0
          ? sessionRefused([
              { field: 'title', code: 'titleTooLong', message: 'The title is too long.' },
              { field: 'capacity', code: 'somethingNew', message: 'Places must be a whole number.' },
            ])
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
    expect(body).toMatchObject({
      title: 'Bicep basics',
      format: 'demo',
      durationMinutes: 60,
      capacity: null,
      date: '2026-12-08',
      time: '14:30',
    });

    view.unmount();
    await renderView(plan(service.fetch, saved));
    expect(((await screen.findByRole('textbox', { name: /Title/ })) as HTMLInputElement).value).toBe('Bicep basics');
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    expect(window.sessionStorage.getItem(`peerlearn.draft.${teamId}.new`)).toBeNull();
  });
});

describe('discussion leader', () => {
  it('takes the suggestion (fair rotation) into the new session, and says when there is nobody', async () => {
    window.sessionStorage.setItem(
      `peerlearn.draft.${teamId}.new`,
      JSON.stringify({ title: 'Bicep basics', date: '2026-12-08', time: '14:30', duration: '60' }),
    );
    const service = createFakeService({
      [`GET ${sessions}/suggest-discussion-leader`]: (_c, nth) =>
        json(200, nth === 0 ? { suggestion: { userId: 'chloe-oid', displayName: 'Chloé Bakker' } } : {}),
      [`POST ${sessions}`]: () => json(201, { sessions: [{ ...pairing, sessionId: 's-new' }] } satisfies CreateSessionResponse),
    });
    const saved: string[] = [];
    await renderView(
      <PlanSessionView api={apiFor(service.fetch)} teamId={teamId} onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} />,
      'nl',
    );
    // Nobody is named until the host chooses: the suggestion is offered, not slipped in.
    const leader = async () => (await screen.findByTestId('discussion-leader')) as HTMLSelectElement;
    expect((await leader()).value).toBe('');
    expect((await leader()).selectedOptions[0]?.textContent).toBe('Geen gespreksleider');
    fireEvent.click(screen.getByRole('button', { name: 'Stel iemand voor' }));
    await waitFor(async () => expect((await leader()).value).toBe('chloe-oid'));
    expect((await leader()).selectedOptions[0]?.textContent).toBe('Chloé Bakker');
    fireEvent.click(screen.getByRole('button', { name: 'Stel iemand voor' }));
    expect(await screen.findByText('Er is nu niemand anders om voor te stellen.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    expect(service.callsTo('POST', sessions)[0]?.body).toMatchObject({ discussionLeaderId: 'chloe-oid' });
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
    await renderView(
      <PlanSessionView
        api={apiFor(service.fetch)}
        teamId={teamId}
        sessionId="s-1"
        onSaved={(id) => saved.push(id)}
        onCancel={() => undefined}
        now={now}
      />,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit session' })).toBeTruthy();
    const title = screen.getByRole('textbox', { name: /Title/ }) as HTMLInputElement;
    expect(title.value).toBe(workshop.title);
    fireEvent.change(title, { target: { value: 'Generics, revisited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-1']));
    expect(service.callsTo('PATCH', path)[0]?.body).toMatchObject({
      title: 'Generics, revisited',
      date: '2026-12-03',
      time: '14:00',
      durationMinutes: 45,
      capacity: 20,
    });
  });

  it('clearing the place sends it empty, so the stored place is removed rather than kept', async () => {
    const path = `${sessions}/s-1`;
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, detailOf({ isHost: true, startsAt: '2026-12-03T13:00:00.000Z' })),
      [`PATCH ${path}`]: (call) => json(200, detailOf({ isHost: true, ...(call.body as object) })),
    });
    const saved: string[] = [];
    await renderView(
      <PlanSessionView
        api={apiFor(service.fetch)}
        teamId={teamId}
        sessionId="s-1"
        onSaved={(id) => saved.push(id)}
        onCancel={() => undefined}
        now={now}
      />,
    );
    const place = (await screen.findByRole('textbox', { name: /Place/ })) as HTMLInputElement;
    expect(place.value).toBe('Room 3.14');
    fireEvent.change(place, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-1']));
    expect(service.callsTo('PATCH', path)[0]?.body).toMatchObject({ place: '' });
  });
});
