import { screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { MyLearningResponse } from '../../bot/src/api/contract';
import MyLearningView from '../../tabs/src/features/my-learning/my-learning';
import { createFakeService, json } from '../support/tab/fake-service';
import { axeViolations } from '../support/tab/axe-jsdom';
import { me, pairing, teamId, teamSessions } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const nothing: MyLearningResponse = {
  attended: [],
  taught: [],
  skills: [],
  kudosReceived: [],
  goals: [],
  streak: { weeks: 0, current: false, longest: 0 },
  buddies: [],
  apply: [],
};

const full: MyLearningResponse = {
  attended: [
    { teamId, teamName: 'Platform Team', sessionId: 's-sql', title: 'Intro to SQL', startsAt: ago(10), skills: ['SQL'], role: 'attended' },
  ],
  taught: [
    {
      teamId,
      teamName: 'Platform Team',
      sessionId: 's-k8s',
      title: 'Kubernetes from zero',
      startsAt: ago(3),
      skills: ['Kubernetes'],
      role: 'taught',
    },
  ],
  skills: [
    {
      name: 'Kubernetes',
      level: 3,
      history: [
        { level: 1, at: ago(60) },
        { level: 3, at: ago(5) },
      ],
      since: ago(60),
    },
  ],
  kudosReceived: [
    { teamId, kudosId: 'k1', fromName: 'Bram', message: 'Thanks for the <b>great</b> session', at: ago(2) },
    { teamId, kudosId: 'k2', fromName: '', message: 'You explained it so well', at: ago(4) },
  ],
  goals: [
    {
      teamId,
      teamName: 'Platform Team',
      mine: 2,
      progress: {
        goal: { goalId: 'g1', kind: 'sessions', target: 4, period: 'month' },
        value: 3,
        target: 4,
        from: ago(9),
        to: ahead(20),
        met: false,
        daysLeft: 20,
      },
    },
  ],
  streak: { weeks: 2, current: true, longest: 5 },
  buddies: [{ poolId: teamId, names: ['Noor'], endsAt: ahead(10) }],
  apply: [{ teamId, sessionId: 's-sql', title: 'Intro to SQL', text: 'Use window functions', at: ago(9) }],
};

function serviceWith(learning: MyLearningResponse, mine = me()) {
  return createFakeService({
    'GET /api/v1/me': () => json(200, mine),
    'GET /api/v1/me/learning': () => json(200, learning),
    [`GET ${sessions}`]: () => json(200, teamSessions([pairing])),
  });
}

describe('my learning', () => {
  it("shows my coming sessions on their team's clock, with a New York viewer's own time beside it (as the board does)", async () => {
    const service = createFakeService({
      'GET /api/v1/me': () => json(200, me()),
      'GET /api/v1/me/learning': () => json(200, nothing),
      [`GET ${sessions}`]: () => json(200, { ...teamSessions([{ ...pairing, myResponse: 'yes' }]), timeZone: 'Europe/Amsterdam' }),
    });
    await renderView(<MyLearningView api={apiFor(service.fetch)} locale="en-GB" timeZone="America/New_York" />);
    const card = within(await screen.findByTestId('session-card'));
    // 09:30Z: 10:30 in Amsterdam, 04:30 in New York.
    expect(card.getByText(/Amsterdam · 04:30 your time$/).textContent).toMatch(/10:30.*12:00 Amsterdam/);
  });

  it('shows a labelled spinner while it waits', async () => {
    const service = createFakeService({
      'GET /api/v1/me': () => new Promise<Response>(() => undefined),
      'GET /api/v1/me/learning': () => new Promise<Response>(() => undefined),
    });
    await renderView(<MyLearningView api={apiFor(service.fetch)} locale="en" />);
    expect(await screen.findByText('Loading your sessions…')).toBeTruthy();
  });

  it('has designed empty states in Dutch that invite a next step, axe clean', async () => {
    const empty = serviceWith(nothing, { ...me(), teaches: [], wants: [] });
    const { container } = await renderView(<MyLearningView api={apiFor(empty.fetch)} locale="nl" />, 'nl');
    expect(await screen.findByText('Je hebt geen komende sessies. Kijk eens op de borden van je teams.')).toBeTruthy();
    expect(screen.getByText('Je hebt nog geen vaardigheden toegevoegd.')).toBeTruthy();
    expect(screen.getByText('Ga deze week naar een sessie of geef er een om een reeks te beginnen.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Een sessie plannen' }).getAttribute('href')).toBe(`#/plan/${encodeURIComponent(teamId)}`);
    expect(screen.getAllByRole('link', { name: 'Een expert zoeken' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Een leerbuddy krijgen' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows what I did, my skills over time in words, kudos (a former colleague), goals, streak, buddies and what I’d apply, axe clean', async () => {
    const { container } = await renderView(<MyLearningView api={apiFor(serviceWith(full).fetch)} locale="en" />);
    expect(await screen.findByText('2 weeks in a row with a session')).toBeTruthy();
    expect(screen.getByText('Your longest: 5 weeks')).toBeTruthy();

    const taught = screen.getByRole('region', { name: 'Sessions I taught' });
    expect(within(taught).getByRole('link', { name: 'Kubernetes from zero' }).getAttribute('href')).toBe(
      `#/sessions/${encodeURIComponent(teamId)}/s-k8s`,
    );
    expect(within(screen.getByRole('region', { name: 'Sessions I attended' })).getByRole('link', { name: 'Intro to SQL' })).toBeTruthy();

    const sparkline = screen.getByRole('img', { name: /^Kubernetes over time: level 1 on .+, level 3 on .+$/ });
    expect(sparkline.tagName.toLowerCase()).toBe('svg');

    const bar = screen.getByRole('progressbar', { name: '4 sessions a month in Platform Team: 3 of 4' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(screen.getByText(/You: 2 sessions this month/)).toBeTruthy();

    // A person's text stays text; an erased giver is "a former colleague".
    expect(screen.getByText('Thanks for the <b>great</b> session')).toBeTruthy();
    expect(screen.getByText(/^From a former colleague/)).toBeTruthy();
    expect(screen.getByText(/^With Noor, until/)).toBeTruthy();
    expect(screen.getByText('Use window functions')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('the service down shows a retry, never a blank page', async () => {
    const down = createFakeService({
      'GET /api/v1/me': () => new Response('<html>Bad gateway</html>', { status: 502 }),
      'GET /api/v1/me/learning': () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    await renderView(<MyLearningView api={apiFor(down.fetch)} locale="en" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't reach PeerLearn/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
