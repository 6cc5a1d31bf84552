import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { KudosWallResponse } from '../../bot/src/api/contract';
import { KudosWall } from '../../tabs/src/features/kudos/kudos-wall';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const path = `/api/v1/teams/${encodeURIComponent(teamId)}/kudos`;
const wall: KudosWallResponse = {
  teamId,
  kudos: [
    {
      kudosId: 'k2',
      from: { userId: 'u-bram', displayName: 'Bram Jansen' },
      to: { userId: 'u-anna', displayName: 'Anna de Vries' },
      message: 'Thanks for pairing on the flaky test!',
      createdAt: '2026-11-25T10:00:00.000Z',
    },
    {
      kudosId: 'k1',
      from: { userId: 'u-chloe', displayName: 'Chloé Bakker' },
      to: { userId: 'u-gone', displayName: '' },
      message: 'Bedankt voor de heldere uitleg.',
      createdAt: '2026-11-20T10:00:00.000Z',
      session: { sessionId: 's-1', title: 'TypeScript generics in practice' },
    },
  ],
};

describe('kudos wall', () => {
  it('shows the thanks newest first, with names, date and the session; never a count per person', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, wall) });
    await renderView(<KudosWall api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" timeZone="Europe/Amsterdam" />);
    const section = within(await screen.findByRole('region', { name: 'Kudos' }));
    const items = await section.findAllByTestId('kudos-item');
    expect(items).toHaveLength(2);
    const first = within(items[0] as HTMLElement);
    expect(first.getByRole('heading', { level: 3 }).textContent).toBe('Bram Jansen thanked Anna de Vries');
    expect(first.getByText('Thanks for pairing on the flaky test!')).toBeTruthy();
    expect(first.getByText('25 Nov 2026')).toBeTruthy();
    const second = within(items[1] as HTMLElement);
    expect(second.getByRole('heading', { level: 3 }).textContent).toBe('Chloé Bakker thanked A colleague');
    expect(second.getByRole('link', { name: 'For “TypeScript generics in practice”' }).getAttribute('href')).toBe(
      `#/sessions/${encodeURIComponent(teamId)}/s-1`,
    );
    expect(service.calls[0]?.authorization).toBe('Bearer test-token');
    expect(document.body.textContent).not.toMatch(/\b\d+ kudos\b|most thanked|top/i);
  });

  it('has a designed empty state, in Dutch', async () => {
    const service = createFakeService({ [`GET ${path}`]: () => json(200, { teamId, kudos: [] }) });
    await renderView(<KudosWall api={apiFor(service.fetch)} teamId={teamId} locale="nl-NL" />, 'nl');
    expect(await screen.findByRole('heading', { level: 3, name: 'Nog geen kudos' })).toBeTruthy();
    expect(screen.getByText(/bedankt @naam/)).toBeTruthy();
  });

  it('a failure says what happened and retries', async () => {
    const service = createFakeService({
      [`GET ${path}`]: (_call, nth) => (nth === 0 ? apiError(503, 'storage_unavailable') : json(200, wall)),
    });
    await renderView(<KudosWall api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('kudos-item')).toHaveLength(2);
  });
});
