import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, jest } from '@jest/globals';
import { useSavedFiles } from '../support/tab/saved-files';
import InsightsView from '../../tabs/src/features/insights/insights-view';
import { axeViolations } from '../support/tab/axe-jsdom';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { learningChannelId, teamId } from '../support/tab/fixtures';
import { memberReport, ownerReport, pulse } from '../support/tab/insights-fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const base = `/api/v1/teams/${encodeURIComponent(teamId)}`;

const saved = useSavedFiles();

async function renderInsights(
  routes: Record<string, Handler>,
  language: 'en' | 'nl' = 'en',
  // The pulse is the last section: drawn after the figures are painted, with the rest of the report.
  ready: string | null = 'insights-pulse',
) {
  const service = createFakeService({
    [`GET ${base}/insights`]: () => json(200, ownerReport()),
    [`GET ${base}/pulses/latest`]: () => json(200, { pulse: pulse(3) }),
    ...routes,
  });
  await renderView(
    <InsightsView api={apiFor(service.fetch)} locale={language === 'nl' ? 'nl-NL' : 'en-GB'} contextTeamId={teamId} />,
    language,
  );
  if (ready) await screen.findByTestId(ready);
  return service;
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('Insights view', () => {
  it('shows the figures exactly as the API answers them, asking for the last 12 months by month with the token', async () => {
    const service = await renderInsights({});
    const call = service.callsTo('GET', `${base}/insights`)[0];
    expect(call?.authorization).toBe('Bearer test-token');
    const query = new URLSearchParams(call?.query);
    expect(query.get('granularity')).toBe('month');
    expect(query.get('to')).toBe(new Date().toLocaleDateString('sv-SE'));
    expect(screen.getByTestId('participation-trend').textContent).toBe('Sessions held are up 150% on the average of the periods before.');
    expect(screen.getByText(/In this period: 10 sessions held, 1,256 attendances, 14 people learning and 5 teaching\./)).toBeTruthy();

    const participation = within(screen.getByTestId('participation-table')).getByRole('table', { name: 'Participation per period' });
    const rows = rowsOf(participation);
    expect(rows[0]).toEqual(['Period', 'Sessions held', 'Attendances', 'People learning', 'People teaching']);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
      ['2', '9', '5', '2'],
      ['2', '10', '6', '2'],
      ['5', '1,234', '11', '4'],
      ['1', '3', '3', '1'],
    ]);

    const feedback = within(screen.getByTestId('insights-feedback'));
    expect(feedback.getByTestId('feedback-overall').textContent).toBe(
      'Over the period: 13 answers. Average rating 4.38 out of 5; 77% learned something new.',
    );
    expect(
      rowsOf(feedback.getByRole('table', { name: 'Per month' }))
        .slice(1)
        .map((r) => r.slice(1)),
    ).toEqual([
      ['0', 'No answers'],
      ['2', 'Too few answers to show'],
      ['7', '4.25', '86%'],
    ]);
    expect(rowsOf(feedback.getByRole('table', { name: 'Per skill' })).slice(1)).toEqual([
      ['TypeScript', '12', '4.5', '75%'],
      ['Kubernetes', '1', 'Too few answers to show'],
    ]);
    expect(screen.getByTestId('insights-feedback').textContent).not.toMatch(/Anna|Bram|Chloé/);

    const goal = within(screen.getByTestId('insights-goal'));
    expect(goal.getByText('2 sessions per month')).toBeTruthy();
    expect(goal.getByText(/1 of 2 · 12 days left/)).toBeTruthy();
  });

  it('paints the goals and the participation figures first; the sections below follow once that frame is painted', async () => {
    // The browser's frames held: the view is what it is before its first paint.
    const frames: FrameRequestCallback[] = [];
    const requestFrame = jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    let service: Awaited<ReturnType<typeof renderInsights>>;
    try {
      service = await renderInsights({}, 'en', 'insights-participation');
      expect(screen.getByTestId('participation-trend').textContent).toBe('Sessions held are up 150% on the average of the periods before.');
      expect(screen.getByTestId('insights-goals')).toBeTruthy();
      for (const later of ['insights-feedback', 'insights-skills', 'insights-quiet', 'insights-pulse']) {
        expect(screen.queryByTestId(later)).toBeNull();
      }
      expect(service.callsTo('GET', `${base}/pulses/latest`)).toHaveLength(0);
      expect(frames.length).toBeGreaterThan(0);
    } finally {
      requestFrame.mockRestore();
    }
    await act(async () => {
      for (const frame of frames.splice(0)) frame(performance.now());
    });
    expect(await screen.findByTestId('insights-pulse')).toBeTruthy();
    expect(within(screen.getByTestId('insights-skills')).getByRole('table', { name: 'Skills matrix' })).toBeTruthy();
    expect(screen.getByTestId('insights-feedback')).toBeTruthy();
    expect(screen.getByTestId('insights-quiet')).toBeTruthy();
    expect(service.callsTo('GET', `${base}/pulses/latest`)).toHaveLength(1);
  });

  it('draws the matrix as a real table with text in every coloured cell, and marks the gaps', async () => {
    await renderInsights({});
    const matrix = within(screen.getByTestId('insights-skills')).getByRole('table', { name: 'Skills matrix' });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Person', 'TypeScript', 'Kubernetesgap', 'SQLgap']);
    const anna = within(matrix).getByRole('row', { name: /Anna de Vries/ });
    const cells = within(anna).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['Level 3Teaches at level 3', 'WantsWants to learn it', 'Neither']);
    expect(cells.map((c) => c.getAttribute('data-level'))).toEqual(['3', '0', '0']);
    const gaps = screen.getAllByTestId('skill-gap').map((g) => g.querySelector('p')?.textContent);
    expect(gaps).toEqual([
      'Kubernetes — Wanted by 2 people; nobody in the team teaches it.',
      'SQL — Wanted by 1 person; only one person teaches it.',
    ]);
  });

  it('a gap button opens a learning request, or +1s the open one, and links to the organisation-wide search', async () => {
    const service = await renderInsights({
      [`POST ${base}/requests`]: (call) =>
        json(200, { created: false, request: { requestId: 'r-9', skill: (call.body as { skill: string }).skill, voted: false } }),
      [`PUT ${base}/requests/r-9/vote`]: () => json(200, { requestId: 'r-9' }),
    });
    const kubernetes = within(screen.getAllByTestId('skill-gap')[0] as HTMLElement);
    expect(kubernetes.getByRole('link', { name: 'Find someone in the organisation: Kubernetes' }).getAttribute('href')).toBe(
      '#/experts?q=Kubernetes',
    );
    fireEvent.click(kubernetes.getByRole('button', { name: 'Ask to learn this: Kubernetes' }));
    expect((await kubernetes.findByRole('status')).textContent).toBe('Your +1 is on the open learning request for Kubernetes.');
    expect(service.callsTo('POST', `${base}/requests`)[0]?.body).toEqual({ skill: 'Kubernetes' });
    expect(service.callsTo('PUT', `${base}/requests/r-9/vote`)).toHaveLength(1);
  });

  it('keeps the table alternative in the page for screen readers and shows it on request', async () => {
    await renderInsights({});
    const holder = screen.getByTestId('participation-table');
    const toggle = screen.getByRole('button', { name: 'Show the numbers as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(holder.id);
    const hiddenClass = holder.className;
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the table' }).getAttribute('aria-expanded')).toBe('true');
    expect(holder.className).not.toBe(hiddenClass);
  });

  it('asks again for weeks and for another range', async () => {
    const service = await renderInsights({});
    fireEvent.click(screen.getByRole('button', { name: 'Week' }));
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: '24' } });
    });
    await screen.findByTestId('insights-participation');
    const last = new URLSearchParams(service.callsTo('GET', `${base}/insights`).at(-1)?.query);
    expect(last.get('granularity')).toBe('week');
    const from = new Date(`${last.get('from') ?? ''}T12:00:00`);
    const to = new Date(`${last.get('to') ?? ''}T12:00:00`);
    const months = (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth();
    expect([23, 24]).toContain(months);
  });

  it('shows a member no owner-only part', async () => {
    await renderInsights({ [`GET ${base}/insights`]: () => json(200, memberReport()) });
    expect(screen.queryByTestId('insights-quiet')).toBeNull();
    expect(screen.queryByTestId('post-pulse')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Set the team’s goals in Settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download CSV: quiet members' })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Download CSV/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Download CSV: participation',
      'Download CSV: feedback',
      'Download CSV: the skills matrix',
    ]);
  });

  it('lets an owner nudge a quiet member once, and says kindly when someone was nudged recently', async () => {
    const service = await renderInsights({
      [`POST ${base}/insights/quiet/dirk-oid/nudge`]: () => json(202, { nudgedAt: new Date().toISOString() }),
      [`POST ${base}/insights/quiet/fay-oid/nudge`]: () => apiError(409, 'nudged_recently'),
    });
    const quiet = within(screen.getByTestId('insights-quiet'));
    expect(quiet.getByText(/Only team owners see this section\./)).toBeTruthy();
    const [dirk, eva, fay] = quiet.getAllByTestId('quiet-member').map((m) => within(m));
    expect(eva?.queryByRole('button')).toBeNull();
    expect(eva?.getByText(/^Nudged on /)).toBeTruthy();
    fireEvent.click(dirk?.getByRole('button', { name: 'Send a friendly nudge to Dirk Smit' }) as HTMLElement);
    expect((await dirk?.findByRole('status'))?.textContent).toBe('A friendly nudge is on its way to Dirk Smit.');
    expect(dirk?.queryByRole('button')).toBeNull();
    expect(dirk?.getByText(/^Nudged on /)).toBeTruthy();
    fireEvent.click(fay?.getByRole('button', { name: 'Send a friendly nudge to Fay de Boer' }) as HTMLElement);
    expect((await fay?.findByRole('status'))?.textContent).toBe(
      'Fay de Boer was nudged recently. One nudge every 14 days is plenty, so this one is not sent.',
    );
    expect(fay?.getByRole('button', { name: 'Send a friendly nudge to Fay de Boer' }).hasAttribute('disabled')).toBe(true);
    expect(service.callsTo('POST', `${base}/insights/quiet/dirk-oid/nudge`)[0]?.authorization).toBe('Bearer test-token');
  });

  it('downloads a table as CSV with the bearer token and the table named', async () => {
    const service = await renderInsights({
      [`GET ${base}/insights.csv`]: () =>
        new Response('\uFEFFperiod,sessionsHeld\r\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV: quiet members' }));
    await screen.findByRole('button', { name: 'Download CSV: quiet members' }, { timeout: 2000 });
    await act(async () => {
      await Promise.resolve();
    });
    const call = service.callsTo('GET', `${base}/insights.csv`)[0];
    expect(call?.authorization).toBe('Bearer test-token');
    const query = new URLSearchParams(call?.query);
    expect(query.get('table')).toBe('quiet');
    expect(saved.files.map((s) => s.name)).toEqual([`peerlearn-quiet-${query.get('from') ?? ''}-${query.get('to') ?? ''}.csv`]);
  });

  it('shows the pulse count below five answers and the averages from five, and an owner posts one to a chosen channel', async () => {
    const service = await renderInsights({
      [`POST ${base}/pulses`]: () => json(202, pulse(0)),
    });
    const section = within(screen.getByTestId('insights-pulse'));
    expect(await section.findByText(/^3 answers so far\. Results show from 5 answers/)).toBeTruthy();
    fireEvent.change(await section.findByRole('combobox', { name: 'Channel' }), { target: { value: learningChannelId } });
    fireEvent.click(section.getByRole('button', { name: 'Post the pulse' }));
    expect((await section.findByRole('status')).textContent).toBe('The pulse is posted. Results show here from 5 answers.');
    expect(service.callsTo('POST', `${base}/pulses`)[0]?.body).toEqual({ channelId: learningChannelId });
  });

  it('says so when the team never had a pulse (the API answers `{ pulse: null }`)', async () => {
    await renderInsights({ [`GET ${base}/pulses/latest`]: () => json(200, { pulse: null }) });
    const section = within(screen.getByTestId('insights-pulse'));
    expect(await section.findByText('No pulse survey yet.')).toBeTruthy();
    expect(section.queryByTestId('pulse-results')).toBeNull();
  });

  it('shows the pulse averages from five answers', async () => {
    await renderInsights({ [`GET ${base}/pulses/latest`]: () => json(200, { pulse: pulse(6) }) });
    const table = await within(screen.getByTestId('insights-pulse')).findByRole('table');
    expect(rowsOf(table).slice(1)).toEqual([
      ['I learned something from a colleague this month', '4.2'],
      ['I have time to learn at work', '2.8'],
      ['I would recommend these sessions to a colleague', '4.6'],
    ]);
  });

  it('has an empty state that points to planning, and a retry after a failure', async () => {
    const empty = ownerReport();
    await renderInsights(
      {
        [`GET ${base}/insights`]: (_call, nth) =>
          nth === 0
            ? apiError(503, 'storage_unavailable')
            : json(200, {
                ...empty,
                participation: {
                  ...empty.participation,
                  points: [],
                  totals: { sessionsHeld: 0, attendances: 0, distinctLearners: 0, distinctTeachers: 0 },
                },
              }),
      },
      'en',
      null,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'No sessions held in this period yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Plan a session' }).getAttribute('href')).toBe(`#/plan/${encodeURIComponent(teamId)}`);
  });

  it('is axe clean and speaks Dutch', async () => {
    await renderInsights({}, 'nl');
    expect(screen.getByRole('heading', { level: 1, name: 'Inzichten' })).toBeTruthy();
    expect(screen.getByTestId('participation-trend').textContent).toBe(
      'Het aantal sessies ligt 150% boven het gemiddelde van de periodes ervoor.',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Stille leden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stuur een vriendelijk duwtje naar Dirk Smit' })).toBeTruthy();
    expect(await screen.findByText(/^Tot nu toe 3 antwoorden\./)).toBeTruthy();
    expect(await axeViolations(screen.getByTestId('insights'))).toEqual([]);
  });
});
