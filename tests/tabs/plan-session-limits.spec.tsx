import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import { createFakeService, sessionRefused } from '../support/tab/fake-service';
import { TAB_NOW, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: a limit the form refuses is named with its range, in the tab's language. */
const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const now = () => new Date(TAB_NOW);
const dateIn = (years: number, days = 0) => {
  const d = new Date(TAB_NOW.getTime() + days * 86_400_000);
  d.setFullYear(d.getFullYear() + years);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const stored = (draft: Record<string, string>) =>
  window.sessionStorage.setItem(
    `peerlearn.draft.${teamId}.new`,
    JSON.stringify({ title: 'Far ahead', time: '14:30', duration: '60', ...draft }),
  );

afterEach(() => window.sessionStorage.clear());

describe('plan form limits', () => {
  const plan = (fetch: Parameters<typeof apiFor>[0]) => (
    <PlanSessionView api={apiFor(fetch)} teamId={teamId} onSaved={() => undefined} onCancel={() => undefined} now={now} />
  );

  it('capacity 100000: the message names the allowed range (English)', async () => {
    stored({ date: dateIn(0, 7) });
    const service = createFakeService({});
    await renderView(plan(service.fetch));
    fireEvent.change(await screen.findByRole('spinbutton', { name: /Places/ }), { target: { value: '100000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Enter a whole number of places from 1 to 10,000, or leave it empty.')).toBeTruthy();
    expect(service.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('capacity 100000 in Dutch, with the Dutch thousands separator', async () => {
    stored({ date: dateIn(0, 7) });
    const service = createFakeService({});
    await renderView(plan(service.fetch), 'nl');
    fireEvent.change(await screen.findByRole('spinbutton', { name: /Plaatsen/ }), { target: { value: '100000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sessie opslaan' }));
    expect(await screen.findByText('Vul een heel aantal plaatsen in van 1 tot en met 10.000, of laat het leeg.')).toBeTruthy();
  });

  it('a date more than two years ahead is refused inline, in Dutch', async () => {
    stored({ date: dateIn(2, 2) });
    const service = createFakeService({});
    await renderView(plan(service.fetch), 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Sessie opslaan' }));
    expect(await screen.findByText('Plan hooguit 2 jaar vooruit; controleer het jaar.')).toBeTruthy();
    expect(service.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('the service’s startTooFar is shown in the tab’s words', async () => {
    stored({ date: dateIn(1) });
    const service = createFakeService({
      [`POST ${sessions}`]: () =>
        sessionRefused([{ field: 'startsAt', code: 'startTooFar', message: 'Plan at most 2 years ahead; check the year.' }]),
    });
    await renderView(plan(service.fetch));
    fireEvent.click(await screen.findByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Plan at most 2 years ahead; check the year.')).toBeTruthy();
    expect(service.callsTo('POST', sessions)).toHaveLength(1);
  });
});
