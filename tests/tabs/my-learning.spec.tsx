import { screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import MyLearningView from '../../tabs/src/features/my-learning/my-learning';
import { createFakeService, json } from '../support/tab/fake-service';
import { me, pairing, teamId, teamSessions } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

describe('my learning', () => {
  it('shows a labelled spinner while it waits', async () => {
    const service = createFakeService({ 'GET /api/v1/me': () => new Promise<Response>(() => undefined) });
    await renderView(<MyLearningView api={apiFor(service.fetch)} locale="en" />);
    expect(await screen.findByText('Loading your sessions…')).toBeTruthy();
  });

  it('has a designed empty state in Dutch', async () => {
    const empty = createFakeService({
      'GET /api/v1/me': () => json(200, { ...me(), teaches: [], wants: [] }),
      [`GET ${sessions}`]: () => json(200, teamSessions([pairing])),
    });
    await renderView(<MyLearningView api={apiFor(empty.fetch)} locale="nl" />, 'nl');
    expect(await screen.findByText('Je hebt geen komende sessies. Kijk eens op de borden van je teams.')).toBeTruthy();
    expect(screen.getByText('Je hebt nog geen vaardigheden toegevoegd.')).toBeTruthy();
  });

  it('the service down shows a retry, never a blank page', async () => {
    const down = createFakeService({ 'GET /api/v1/me': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    await renderView(<MyLearningView api={apiFor(down.fetch)} locale="en" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't reach PeerLearn/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
