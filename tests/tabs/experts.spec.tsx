import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import ExpertsView from '../../tabs/src/features/experts/experts-view';
import type { ExpertResult, ExpertsResponse } from '../../bot/src/api/contract';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

function expert(overrides: Partial<ExpertResult> & Pick<ExpertResult, 'userId' | 'displayName'>): ExpertResult {
  return {
    match: 'skill',
    sessionsTaught: 1,
    explanation: 'Bicep · level 3 · 2 endorsements · 1 session taught',
    teaches: [{ name: 'Bicep', level: 3, endorsements: 2 }],
    languages: ['nl'],
    availability: '',
    chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=b',
    ...overrides,
  };
}

function experts(results: readonly ExpertResult[], q = '', skip = 0): ExpertsResponse {
  return { query: q, skip, count: 25, suggestions: q === '', results };
}

describe('experts', () => {
  it('searches after typing stops, with filters, and shows why', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, experts([expert({ userId: 'b', displayName: 'Bram Jansen' })])),
    });
    const seen: string[] = [];
    const fetch: typeof service.fetch = (input, init) => {
      seen.push(input);
      return service.fetch(input, init);
    };
    await renderView(<ExpertsView api={apiFor(fetch)} debounceMs={20} />);
    expect(await screen.findByText('Bram Jansen')).toBeTruthy();
    expect(screen.getByText('People you might ask')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: /Search by skill/ }), { target: { value: 'b' } });
    fireEvent.change(screen.getByRole('searchbox', { name: /Search by skill/ }), { target: { value: 'bicep' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Level' }), { target: { value: '3' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'nl' } });
    await waitFor(() => expect(seen.at(-1)).toBe('/api/v1/experts?q=bicep&skip=0&count=25&level=3&language=nl'));
    // Debounced: the half-typed "b" never went out.
    expect(seen.some((url) => url.includes('q=b&'))).toBe(false);
    expect(await screen.findByText('Why: Bicep · level 3 · 2 endorsements · 1 session taught')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Chat with Bram Jansen' })).toBeTruthy();
  });

  it('endorses the matched skill, and explains why you cannot endorse yourself', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': () =>
        json(
          200,
          experts(
            [
              expert({ userId: 'b', displayName: 'Bram Jansen', skill: { name: 'Bicep', level: 3, endorsements: 2 } }),
              expert({ userId: 'anna-oid', displayName: 'Anna de Vries', skill: { name: 'Bicep', level: 2, endorsements: 0 } }),
            ],
            'bicep',
          ),
        ),
      'POST /api/v1/people/b/endorsements': () => json(201, { userId: 'b', skill: 'Bicep', count: 3, created: true }),
      'POST /api/v1/people/anna-oid/endorsements': () => apiError(400, 'self_endorsement'),
    });
    await renderView(<ExpertsView api={apiFor(service.fetch)} initialQuery="bicep" debounceMs={0} />);
    const bram = within(await screen.findByRole('article', { name: 'Bram Jansen' }));
    fireEvent.click(bram.getByRole('button', { name: 'Endorse Bicep' }));
    expect((await bram.findByRole('status')).textContent).toBe('You endorsed Bicep (3 in total).');
    expect(service.callsTo('POST', '/api/v1/people/b/endorsements')[0]?.body).toEqual({ skill: 'Bicep' });
    const anna = within(screen.getByRole('article', { name: 'Anna de Vries' }));
    fireEvent.click(anna.getByRole('button', { name: 'Endorse Bicep' }));
    expect((await anna.findByRole('alert')).textContent).toBe('You cannot endorse your own skills.');
  });

  it('pages with skip when there are more than 25', async () => {
    const many = Array.from({ length: 25 }, (_, i) => expert({ userId: `u${i}`, displayName: `Person ${i}` }));
    const service = createFakeService({
      'GET /api/v1/experts': (_c, nth) =>
        json(200, nth === 0 ? experts(many) : experts([expert({ userId: 'last', displayName: 'Last One' })], '', 25)),
    });
    const seen: string[] = [];
    await renderView(<ExpertsView api={apiFor((i, init) => (seen.push(i), service.fetch(i, init)))} debounceMs={5} />);
    expect(await screen.findAllByTestId('expert-card')).toHaveLength(25);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Last One')).toBeTruthy();
    expect(seen.at(-1)).toContain('skip=25');
    expect(screen.getAllByTestId('expert-card')).toHaveLength(26);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('when the caller was the only match, says nobody else was found (nl and en)', async () => {
    // The service leaves the caller out of their own results and says so with askerMatched.
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, { ...experts([], 'docker'), askerMatched: true }),
    });
    const nl = await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />, 'nl');
    expect(await screen.findByText('Behalve jou niemand gevonden')).toBeTruthy();
    expect(screen.getByText(/Je bent tot nu toe de enige met deze vaardigheid/)).toBeTruthy();
    expect(screen.queryByText('Geen experts gevonden')).toBeNull();
    nl.unmount();
    await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />);
    expect(await screen.findByText('Nobody else found')).toBeTruthy();
  });

  it('a query of symbols only says what to type (nl and en), and offers no request to learn it', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, { ...experts([], '🙂'), nothingToSearch: true }),
    });
    const nl = await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />, 'nl');
    expect(await screen.findByText('Typ een vaardigheid, zoals Excel, of de naam van een collega.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Vragen om/ })).toBeNull();
    nl.unmount();
    await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />);
    expect(await screen.findByText('Type a skill, such as Excel, or a colleague’s name.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Ask to learn/ })).toBeNull();
  });

  it('has a designed empty state and a friendly error in Dutch', async () => {
    const service = createFakeService({
      'GET /api/v1/experts': (_c, nth) => (nth === 0 ? json(200, experts([], 'zzz')) : apiError(500, 'internal')),
    });
    await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />, 'nl');
    expect(await screen.findByText('Geen experts gevonden')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'x' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/aan de kant van PeerLearn/);
  });

  it('shows a labelled spinner while it waits', async () => {
    const service = createFakeService({ 'GET /api/v1/experts': () => new Promise<Response>(() => undefined) });
    await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={0} />);
    expect(await screen.findByText('Searching…')).toBeTruthy();
  });

  it('shows a Dutch reader the Dutch skill names on the tags and the endorse button, and endorses the stored skill', async () => {
    const sent: unknown[] = [];
    const presenter = expert({
      userId: 'p',
      displayName: 'Pim Praat',
      skill: { name: 'Presenting', level: 3, endorsements: 0 },
      teaches: [
        { name: 'Presenting', level: 3, endorsements: 0 },
        { name: 'Excel', level: 2, endorsements: 0 },
      ],
    });
    const service = createFakeService({
      'GET /api/v1/experts': () => json(200, experts([presenter], 'presenteren')),
      'POST /api/v1/people/p/endorsements': (call) => {
        sent.push(call.body);
        return json(200, { created: true, count: 1 });
      },
    });
    await renderView(<ExpertsView api={apiFor(service.fetch)} debounceMs={10} />, 'nl');
    const card = await screen.findByRole('article', { name: 'Pim Praat' });
    expect(within(card).getByText('Presenteren · 3')).toBeTruthy();
    expect(within(card).getByText('Excel · 2')).toBeTruthy();
    expect(card.textContent).not.toContain('Presenting');
    fireEvent.click(within(card).getByRole('button', { name: 'Presenteren aanbevelen' }));
    await waitFor(() => expect(sent).toEqual([{ skill: 'Presenting' }]));
  });
});
