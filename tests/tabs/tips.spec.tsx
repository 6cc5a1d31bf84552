import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import { TIP_SKILLS_MAX, TIP_TITLE_MAX } from '../../bot/src/api/contract';
import type { TipListResponse, TipView } from '../../bot/src/api/contract';
import { Board } from '../../tabs/src/features/board/board';
import { NewTips, TIPS_ON_BOARD } from '../../tabs/src/features/tips/new-tips';
import TipsView from '../../tabs/src/features/tips/tips-view';
import { parseHashRoute } from '../../tabs/src/shared/routes';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Call } from '../support/tab/fake-service';
import { me, teamId, teamSessions } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';
import { axeViolations } from '../support/tab/axe-jsdom';

const tipsPath = `/api/v1/teams/${encodeURIComponent(teamId)}/tips`;

function tip(n: number, overrides: Partial<TipView> = {}): TipView {
  return {
    tipId: `tip-${n}`,
    title: `Tip ${n}`,
    body: `Body of tip ${n}`,
    skills: ['Excel'],
    author: { userId: 'bram-oid', displayName: 'Bram Jansen' },
    createdAt: `2026-11-${String(20 + (n % 8)).padStart(2, '0')}T10:00:00.000Z`,
    canDelete: false,
    ...overrides,
  };
}

const newest: TipListResponse = {
  teamId,
  tips: [
    tip(3, {
      title: 'Draaitabellen in 5 minuten',
      skills: ['Excel', 'Power BI'],
      link: 'https://support.microsoft.com/x',
      createdAt: '2026-11-25T10:00:00.000Z',
    }),
    tip(2, {
      title: 'Free TypeScript course',
      skills: ['TypeScript'],
      author: { userId: 'gone', displayName: '' },
      link: 'javascript:alert(1)',
    }),
  ],
};

const params = (call: Call) => new URLSearchParams(call.query);

describe('board: new tips', () => {
  it('shows the newest tips with title, skills, author, date and link, and a link to all tips', async () => {
    const service = createFakeService({ [`GET ${tipsPath}`]: () => json(200, newest) });
    await renderView(<NewTips api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" timeZone="Europe/Amsterdam" />);
    const section = within(screen.getByRole('region', { name: 'New tips' }));
    const items = await section.findAllByTestId('tip-item');
    expect(items).toHaveLength(2);
    const first = within(items[0] as HTMLElement);
    expect(first.getByRole('heading', { level: 3 }).textContent).toBe('Draaitabellen in 5 minuten');
    expect(first.getByRole('list', { name: 'Skills' }).textContent).toBe('ExcelPower BI');
    expect(first.getByText(/Shared by Bram Jansen/)).toBeTruthy();
    expect(first.getByText('25 Nov 2026')).toBeTruthy();
    const link = first.getByRole('link', { name: 'Open link: Draaitabellen in 5 minuten' });
    expect(link.getAttribute('href')).toBe('https://support.microsoft.com/x');
    expect(link.getAttribute('rel')).toContain('noopener');
    const second = within(items[1] as HTMLElement);
    expect(second.getByText(/Shared by a colleague/)).toBeTruthy();
    // A link that is not http(s) never becomes clickable.
    expect(second.queryByRole('link')).toBeNull();
    expect(section.getByRole('link', { name: 'All tips' }).getAttribute('href')).toBe('#/tips');
    expect(params(service.calls[0] as Call).get('limit')).toBe(String(TIPS_ON_BOARD));
    expect(parseHashRoute('#/tips')).toEqual({ name: 'tips' });
  });

  it('says it is loading until the tips arrive', async () => {
    let answer: (r: Response) => void = () => undefined;
    const service = createFakeService({ [`GET ${tipsPath}`]: () => new Promise<Response>((resolve) => (answer = resolve)) });
    await renderView(<NewTips api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" />);
    expect(screen.getByText('Loading tips…')).toBeTruthy();
    await act(async () => answer(json(200, newest)));
    expect(await screen.findAllByTestId('tip-item')).toHaveLength(2);
    expect(screen.queryByText('Loading tips…')).toBeNull();
  });

  it('has a designed empty state, in Dutch', async () => {
    const service = createFakeService({ [`GET ${tipsPath}`]: () => json(200, { teamId, tips: [] }) });
    await renderView(<NewTips api={apiFor(service.fetch)} teamId={teamId} locale="nl-NL" />, 'nl');
    expect(screen.getByRole('heading', { level: 2, name: 'Nieuwe tips' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 3, name: 'Nog geen tips' })).toBeTruthy();
    expect(screen.getByText(/Een tip delen/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alle tips' })).toBeTruthy();
  });

  it('a failure says what happened and retries', async () => {
    const service = createFakeService({
      [`GET ${tipsPath}`]: (_call, nth) => (nth === 0 ? apiError(503, 'storage_unavailable') : json(200, newest)),
    });
    await renderView(<NewTips api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("PeerLearn can't get to its data at the moment.");
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('tip-item')).toHaveLength(2);
  });

  it('sits on the board right after the upcoming sessions and before the kudos wall', async () => {
    const service = createFakeService({
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/sessions`]: () => json(200, teamSessions()),
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/kudos`]: () => json(200, { teamId, kudos: [] }),
      [`GET ${tipsPath}`]: () => json(200, newest),
    });
    await renderView(<Board api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" />);
    const tips = await screen.findByTestId('new-tips');
    await within(tips).findAllByTestId('tip-item');
    const upcoming = screen.getByRole('heading', { level: 2, name: 'Upcoming sessions' });
    const kudos = screen.getByTestId('kudos-wall');
    expect(upcoming.compareDocumentPosition(tips) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(tips.compareDocumentPosition(kudos) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

function tipsService(overrides: Record<string, Parameters<typeof createFakeService>[0][string]> = {}) {
  const stored: TipView[] = [
    tip(3, { title: 'Draaitabellen in 5 minuten', skills: ['Excel'] }),
    tip(2, { title: 'Free TypeScript course', skills: ['TypeScript'], canDelete: true }),
  ];
  const service = createFakeService({
    'GET /api/v1/me': () => json(200, me()),
    [`GET ${tipsPath}`]: (call) => {
      const q = params(call).get('q')?.toLowerCase() ?? '';
      const skill = params(call).get('skill') ?? '';
      return json(200, { teamId, tips: stored.filter((t) => t.title.toLowerCase().includes(q) && (!skill || t.skills.includes(skill))) });
    },
    [`POST ${tipsPath}`]: (call) => {
      const body = call.body as { title: string; body: string; skills: string[]; link?: string };
      const created = tip(9, {
        ...body,
        title: body.title,
        skills: body.skills,
        author: { userId: 'anna-oid', displayName: 'Anna de Vries' },
        canDelete: true,
      });
      stored.unshift(created);
      return json(201, created);
    },
    [`DELETE ${tipsPath}/tip-2`]: () => new Response(null, { status: 204 }),
    ...overrides,
  });
  return { service, stored };
}

const textbox = (name: RegExp) => screen.getByRole('textbox', { name });

describe('tips view (#/tips)', () => {
  it('lists the team’s tips; search (debounced) and the skill filter go to the service', async () => {
    const { service } = tipsService();
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" debounceMs={5} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Tips and training material' })).toBeTruthy();
    expect(await screen.findAllByTestId('tip-item')).toHaveLength(2);
    expect(screen.getByText('2 tips')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tips' }), { target: { value: 'draai' } });
    await waitFor(() => expect(screen.getAllByTestId('tip-item')).toHaveLength(1));
    expect(service.callsTo('GET', tipsPath).some((c) => params(c).get('q') === 'draai')).toBe(true);
    // Debounced: no request per keystroke for the half-typed words.
    expect(service.callsTo('GET', tipsPath).filter((c) => params(c).get('q') === 'd')).toHaveLength(0);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tips' }), { target: { value: '' } });
    const skill = screen.getByRole('combobox', { name: 'Skill' });
    await waitFor(() => expect(within(skill).getByRole('option', { name: 'TypeScript' })).toBeTruthy());
    fireEvent.change(skill, { target: { value: 'TypeScript' } });
    await waitFor(() =>
      expect(screen.getAllByTestId('tip-item').map((i) => within(i).getByRole('heading').textContent)).toEqual(['Free TypeScript course']),
    );
    expect(service.callsTo('GET', tipsPath).some((c) => params(c).get('skill') === 'TypeScript')).toBe(true);
  });

  it('no match has its own message', async () => {
    const { service } = tipsService();
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" debounceMs={1} />);
    await screen.findAllByTestId('tip-item');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tips' }), { target: { value: 'zzz' } });
    expect(await screen.findByRole('heading', { level: 3, name: 'No tips match' })).toBeTruthy();
  });

  it('the share form checks inline, in English, and keeps what was typed; nothing is sent', async () => {
    const { service } = tipsService();
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" contextTeamId={teamId} />);
    await screen.findAllByTestId('tip-item');
    fireEvent.change(textbox(/^Your tip/), { target: { value: 'A body without a title' } });
    fireEvent.change(textbox(/^Link/), { target: { value: 'ftp://files' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share tip' }));
    expect((await screen.findAllByRole('alert')).some((a) => /Everything you typed is still here\./.test(a.textContent ?? ''))).toBe(true);
    expect(screen.getByText('Give the tip a title.')).toBeTruthy();
    expect(screen.getByText('Use a web link that starts with https:// or http://.')).toBeTruthy();
    expect((textbox(/^Your tip/) as HTMLTextAreaElement).value).toBe('A body without a title');
    expect((textbox(/^Link/) as HTMLInputElement).value).toBe('ftp://files');
    expect(service.callsTo('POST', tipsPath)).toHaveLength(0);
    // Fixing a field clears its message.
    fireEvent.change(textbox(/^Title/), { target: { value: 'Now with a title' } });
    expect(screen.queryByText('Give the tip a title.')).toBeNull();
  });

  it('in Dutch too, with the limits named', async () => {
    const { service } = tipsService();
    await renderView(<TipsView api={apiFor(service.fetch)} locale="nl-NL" contextTeamId={teamId} />, 'nl');
    await screen.findAllByTestId('tip-item');
    expect(screen.getByRole('heading', { level: 1, name: 'Tips en trainingsmateriaal' })).toBeTruthy();
    fireEvent.change(textbox(/^Titel/), { target: { value: 'x'.repeat(TIP_TITLE_MAX + 1) } });
    const skills = Array.from({ length: TIP_SKILLS_MAX + 1 }, (_, i) => `skill${i}`).join(', ');
    fireEvent.change(textbox(/^Vaardigheden/), { target: { value: skills } });
    fireEvent.click(screen.getByRole('button', { name: 'Tip delen' }));
    expect(await screen.findByText(`Houd de titel op hoogstens ${TIP_TITLE_MAX} tekens.`)).toBeTruthy();
    expect(screen.getByText(`Kies hoogstens ${TIP_SKILLS_MAX} vaardigheden.`)).toBeTruthy();
    expect(service.callsTo('POST', tipsPath)).toHaveLength(0);
  });

  it('shares a tip: sends it, thanks, clears the form and shows it in the list', async () => {
    const { service } = tipsService();
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" contextTeamId={teamId} />);
    await screen.findAllByTestId('tip-item');
    fireEvent.change(textbox(/^Title/), { target: { value: 'Keyboard shortcuts' } });
    fireEvent.change(textbox(/^Your tip/), { target: { value: 'Ctrl+Shift+L' } });
    fireEvent.change(textbox(/^Link/), { target: { value: 'https://support.microsoft.com/x' } });
    fireEvent.change(textbox(/^Skills/), { target: { value: 'Excel, Power BI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share tip' }));
    expect(await screen.findByText('Thanks! Your tip “Keyboard shortcuts” is shared with the team.')).toBeTruthy();
    expect(service.callsTo('POST', tipsPath)[0]?.body).toEqual({
      title: 'Keyboard shortcuts',
      body: 'Ctrl+Shift+L',
      link: 'https://support.microsoft.com/x',
      skills: ['Excel', 'Power BI'],
    });
    expect((textbox(/^Title/) as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.getAllByTestId('tip-item')).toHaveLength(3));
    expect(within(screen.getAllByTestId('tip-item')[0] as HTMLElement).getByRole('heading').textContent).toBe('Keyboard shortcuts');
  });

  it('a refused save shows the service’s field problems; a failed one says so; both keep what was typed', async () => {
    let attempt = 0;
    const { service } = tipsService({
      [`POST ${tipsPath}`]: () => {
        attempt += 1;
        return attempt === 1
          ? json(400, {
              error: {
                code: 'invalid_tip',
                message: 'The tip needs another look.',
                fields: { skills: 'Each skill…' },
                problems: [{ field: 'skills', code: 'skillInvalid' }],
              },
            })
          : apiError(503, 'storage_unavailable');
      },
    });
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" contextTeamId={teamId} />);
    await screen.findAllByTestId('tip-item');
    fireEvent.change(textbox(/^Title/), { target: { value: 'Kept title' } });
    fireEvent.change(textbox(/^Skills/), { target: { value: 'Excel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share tip' }));
    expect(await screen.findByText('Each skill needs at least one letter or digit, and at most 60 characters.')).toBeTruthy();
    expect((textbox(/^Title/) as HTMLInputElement).value).toBe('Kept title');
    fireEvent.click(screen.getByRole('button', { name: 'Share tip' }));
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .some((a) => (a.textContent ?? '').includes('Your tip was not shared. Everything you typed is still here.')),
      ).toBe(true),
    );
    expect(screen.getAllByRole('alert').some((a) => (a.textContent ?? '').includes("PeerLearn can't get to its data"))).toBe(true);
    expect((textbox(/^Title/) as HTMLInputElement).value).toBe('Kept title');
    expect((textbox(/^Skills/) as HTMLInputElement).value).toBe('Excel');
  });

  it('removes a tip the caller may remove once "Undo" lapses; others show no remove button', async () => {
    const { service } = tipsService();
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" contextTeamId={teamId} undoMs={30} />);
    await screen.findAllByTestId('tip-item');
    expect(screen.queryByRole('button', { name: 'Remove tip: Draaitabellen in 5 minuten' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove tip: Free TypeScript course' }));
    expect(screen.getAllByTestId('tip-item')).toHaveLength(1);
    expect(screen.getByTestId('tip-undo').textContent).toContain('Tip “Free TypeScript course” removed.');
    await waitFor(() => expect(service.callsTo('DELETE', `${tipsPath}/tip-2`)).toHaveLength(1));
    expect(screen.queryByTestId('tip-undo')).toBeNull();
    expect(screen.getAllByTestId('tip-item')).toHaveLength(1);
  });

  it('"Undo" brings the tip back and nothing is removed, in Dutch', async () => {
    const { service, stored } = tipsService({ [`DELETE ${tipsPath}/tip-3`]: () => new Response(null, { status: 204 }) });
    stored[0] = { ...(stored[0] as TipView), canDelete: true };
    await renderView(<TipsView api={apiFor(service.fetch)} locale="nl-NL" contextTeamId={teamId} undoMs={1_000} />, 'nl');
    await screen.findAllByTestId('tip-item');
    fireEvent.click(screen.getByRole('button', { name: /Free TypeScript course/ }));
    expect(screen.getByTestId('tip-undo').textContent).toContain('Tip “Free TypeScript course” verwijderd.');
    fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
    expect(screen.getAllByTestId('tip-item')).toHaveLength(2);
    expect(screen.queryByTestId('tip-undo')).toBeNull();
    // Had the undone removal still been waiting, it would have gone out before this later one.
    fireEvent.click(screen.getByRole('button', { name: /Draaitabellen in 5 minuten/ }));
    await waitFor(() => expect(service.callsTo('DELETE', `${tipsPath}/tip-3`)).toHaveLength(1), { timeout: 5_000 });
    expect(service.callsTo('DELETE', `${tipsPath}/tip-2`)).toHaveLength(0);
  });

  it.each(['en', 'nl'] as const)('the undo bar has no axe violations (%s)', async (language) => {
    const { service } = tipsService();
    const { container, unmount } = await renderView(
      <TipsView api={apiFor(service.fetch)} locale={language} contextTeamId={teamId} undoMs={60_000} />,
      language,
    );
    await screen.findAllByTestId('tip-item');
    fireEvent.click(screen.getByRole('button', { name: /Free TypeScript course/ }));
    expect(screen.getByTestId('tip-undo')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    // Leaving the page ends the undo window: the removal the person asked for is sent.
    unmount();
    await waitFor(() => expect(service.callsTo('DELETE', `${tipsPath}/tip-2`)).toHaveLength(1));
  });

  it('a removal the service refuses brings the tip back and says so', async () => {
    const { service } = tipsService({ [`DELETE ${tipsPath}/tip-2`]: () => apiError(503, 'storage_unavailable') });
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" contextTeamId={teamId} undoMs={10} />);
    await screen.findAllByTestId('tip-item');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tip: Free TypeScript course' }));
    expect((await screen.findByText('We couldn’t remove the tip. Try again.')).getAttribute('role')).toBe('alert');
    expect(screen.getAllByTestId('tip-item')).toHaveLength(2);
  });

  it('a tip skill PeerLearn does not know asks "did you mean Docker?" under the field; keep-as-new sends newSkills', async () => {
    const { service } = tipsService({
      [`POST ${tipsPath}`]: (call, nth) =>
        nth === 0
          ? json(400, {
              error: {
                code: 'unknownSkill',
                message: 'not known',
                unknownSkills: [
                  { field: 'skills', index: 0, skill: 'Dokcer', suggestions: ['Docker'] },
                  { field: 'skills', index: 1, skill: 'Origami', suggestions: [] },
                ],
              },
            })
          : json(201, tip(9, { title: 'Compose', skills: (call.body as { skills: string[] }).skills, canDelete: true })),
    });
    const { container } = await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" contextTeamId={teamId} />);
    await screen.findAllByTestId('tip-item');
    fireEvent.change(textbox(/^Title/), { target: { value: 'Compose' } });
    fireEvent.change(textbox(/^Skills/), { target: { value: 'Dokcer, Origami' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share tip' }));
    expect(await screen.findByText('“Dokcer” is not a skill PeerLearn knows yet. Did you mean:')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Use Docker' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep “Origami” as a new skill' }));
    expect((textbox(/^Skills/) as HTMLInputElement).value).toBe('Docker, Origami');
    fireEvent.click(screen.getByRole('button', { name: 'Share tip' }));
    await waitFor(() => expect(service.callsTo('POST', tipsPath)).toHaveLength(2));
    expect(service.callsTo('POST', tipsPath)[1]?.body).toMatchObject({ skills: ['Docker', 'Origami'], newSkills: ['Origami'] });
  });

  it('without a team in the context it uses the caller’s team, and says so when there is none', async () => {
    const { service } = tipsService({ 'GET /api/v1/me': () => json(200, me([])) });
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'No team yet' })).toBeTruthy();
  });
});
