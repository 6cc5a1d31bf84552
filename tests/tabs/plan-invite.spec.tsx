import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import type { PlanSessionProps } from '../../tabs/src/features/plan/plan-session';
import type { CreateSessionResponse } from '../../bot/src/api/contract';
import { createFakeService, json, sessionRefused } from '../support/tab/fake-service';
import { TAB_NOW, generalChannelId, learningChannelId, pairing, planning, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';
import { detailOf } from '../support/tab/session-detail';

// Issue #12 items 1 and 4: the tab's plan form announces the session in a channel, as the bot's form
// does, and its times are the team's, whatever zone the browser is in.
const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const now = () => new Date(TAB_NOW);
// A Tuesday, eleven days after TAB_NOW: 10:00 in Amsterdam is 09:00Z, 04:00 in New York.
const draft = { title: 'SQL window functions', date: '2026-12-08', time: '10:00', duration: '45' };

afterEach(() => window.sessionStorage.clear());

type FetchOf = Parameters<typeof apiFor>[0];

function planView(fetch: FetchOf, saved: string[], props: Partial<PlanSessionProps> = {}) {
  return (
    <PlanSessionView api={apiFor(fetch)} teamId={teamId} onSaved={(id) => saved.push(id)} onCancel={() => undefined} now={now} {...props} />
  );
}

const created = () => json(201, { sessions: [{ ...pairing, sessionId: 's-new' }] } satisfies CreateSessionResponse);

/** The validation message Fluent's Field ties to a control (`aria-describedby`), or '' when it has none. */
function messageOf(id: string): string {
  const control = document.getElementById(id);
  if (!control) throw new Error(`no control ${id}`);
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return described.map((d) => document.getElementById(d)?.textContent ?? '').join(' ');
}

const select = (id: string) => document.getElementById(id) as HTMLSelectElement;

describe('the plan form posts the invite (issue #12 item 1)', () => {
  it('sends the channel, repeat and its end, co-teachers, the discussion leader, open to all, and the date and time as typed', async () => {
    window.sessionStorage.setItem(`peerlearn.draft.${teamId}.new`, JSON.stringify(draft));
    const service = createFakeService({ [`POST ${sessions}`]: created });
    const saved: string[] = [];
    await renderView(planView(service.fetch, saved, { viewerTimeZone: 'America/New_York' }));

    // The invite goes to the General channel unless the tab sits in another; the form says where.
    await screen.findByTestId('plan-session');
    expect(select('plan-field-channelId').value).toBe(generalChannelId);
    expect(messageOf('plan-field-channelId')).toBe('PeerLearn posts the invite in General, where colleagues answer.');
    fireEvent.change(select('plan-field-channelId'), { target: { value: learningChannelId } });

    fireEvent.change(select('plan-field-recurrence'), { target: { value: 'weekly' } });
    expect(messageOf('plan-field-channelId')).toMatch(/in Leren; each later session of the series a week before it starts/);
    fireEvent.change(await screen.findByLabelText('Repeat until'), { target: { value: '2027-01-26' } });

    fireEvent.click(within(screen.getByRole('group', { name: 'Co-teachers' })).getByRole('checkbox', { name: 'Bram Jansen' }));
    fireEvent.change(select('plan-field-discussionLeaderId'), { target: { value: 'chloe-oid' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Open to everyone in the organisation' }));

    // A New York viewer planning 10:00 in an Amsterdam team sees both clocks.
    expect(screen.getByTestId('plan-zone').textContent).toBe(
      "Times are in the team's time zone (Amsterdam). 10:00 Amsterdam · 04:00 your time",
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    const body = service.callsTo('POST', sessions)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      title: 'SQL window functions',
      date: '2026-12-08',
      time: '10:00',
      channelId: learningChannelId,
      recurrence: 'weekly',
      repeatUntil: '2027-01-26',
      teacherIds: ['bram-oid'],
      discussionLeaderId: 'chloe-oid',
      openToOrganisation: true,
    });
    // Never a browser-local instant: the service reads date and time in the team's zone.
    expect(body).not.toHaveProperty('startsAt');
  });

  it("defaults to the tab's own channel, marks the fair suggestion, and can post no invite at all (and says so)", async () => {
    const service = createFakeService({
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/planning`]: () =>
        json(200, planning({ suggestedLeader: { userId: 'chloe-oid', displayName: 'Chloé Bakker' } })),
    });
    await renderView(planView(service.fetch, [], { contextChannelId: learningChannelId }), 'nl');
    await screen.findByTestId('plan-session');
    expect(select('plan-field-channelId').value).toBe(learningChannelId);
    expect(messageOf('plan-field-channelId')).toBe('PeerLearn plaatst de uitnodiging in Leren; daar melden collega’s zich aan.');
    expect(screen.getByRole('option', { name: 'Chloé Bakker (voorstel)' })).toBeTruthy();
    // Offered, not chosen: nobody is named (and told) before the host picks them.
    expect(select('plan-field-discussionLeaderId').value).toBe('');
    fireEvent.change(select('plan-field-channelId'), { target: { value: 'none' } });
    expect(messageOf('plan-field-channelId')).toBe('Zonder kanaal wordt niemand uitgenodigd: de sessie staat alleen op het bord.');
  });

  it("lands the service's field errors on their own fields", async () => {
    window.sessionStorage.setItem(
      `peerlearn.draft.${teamId}.new`,
      JSON.stringify({ ...draft, recurrence: 'weekly', repeatUntil: '2028-12-31' }),
    );
    const service = createFakeService({
      [`POST ${sessions}`]: () =>
        sessionRefused([
          { field: 'repeatUntil', code: 'repeatUntilTooFar', message: 'A series has at most 26 sessions.' },
          { field: 'channelId', code: 'channelUnknown', message: 'Choose a channel.' },
          { field: 'teacherIds', code: 'peopleNotInTeam', message: 'Team members only.' },
        ]),
    });
    await renderView(planView(service.fetch, []));
    fireEvent.click(await screen.findByRole('button', { name: 'Save session' }));
    await waitFor(() =>
      expect(messageOf('plan-field-repeatUntil')).toContain('A series has at most 26 sessions; choose an earlier end date.'),
    );
    expect(messageOf('plan-field-channelId')).toContain("Choose one of the team's channels.");
    expect(messageOf('plan-field-teacherIds')).toBe(
      'Choose members of this team (anyone in the organisation for a session open to everyone).',
    );
    // The end date typed is still there to correct.
    expect((document.getElementById('plan-field-repeatUntil') as HTMLInputElement).value).toBe('2028-12-31');
  });

  it('refuses an end before the first session inline, in Dutch, and sends nothing', async () => {
    window.sessionStorage.setItem(
      `peerlearn.draft.${teamId}.new`,
      JSON.stringify({ ...draft, recurrence: 'monthly', repeatUntil: '2026-12-01' }),
    );
    const service = createFakeService({});
    await renderView(planView(service.fetch, []), 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Sessie opslaan' }));
    await waitFor(() => expect(messageOf('plan-field-repeatUntil')).toContain('De reeks kan niet eindigen vóór de eerste sessie.'));
    expect(service.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });
});

describe("times in the team's time zone (issue #12 item 4)", () => {
  it('shows no second clock to a viewer in the same zone as the team', async () => {
    window.sessionStorage.setItem(`peerlearn.draft.${teamId}.new`, JSON.stringify(draft));
    await renderView(planView(createFakeService({}).fetch, [], { viewerTimeZone: 'Europe/Amsterdam' }));
    expect((await screen.findByTestId('plan-zone')).textContent).toBe("Times are in the team's time zone (Amsterdam).");
  });

  it("edits a session on the team's clock: a New York team's 10:00 stays 10:00 in an Amsterdam browser", async () => {
    const path = `${sessions}/s-1`;
    const service = createFakeService({
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/planning`]: () => json(200, planning({ timeZone: 'America/New_York' })),
      // 15:00Z on 3 December is 10:00 in New York and 16:00 in Amsterdam (the browser's zone in these tests).
      [`GET ${path}`]: () => json(200, detailOf({ isHost: true, startsAt: '2026-12-03T15:00:00.000Z', channelId: learningChannelId })),
      [`PATCH ${path}`]: () => json(200, { ...detailOf({ isHost: true }), changed: 1 }),
    });
    const saved: string[] = [];
    await renderView(planView(service.fetch, saved, { sessionId: 's-1' }));
    expect(((await screen.findByRole('combobox', { name: /Start time/ })) as HTMLInputElement).value).toBe('10:00');
    expect(screen.getByTestId('plan-zone').textContent).toBe(
      "Times are in the team's time zone (New York). 10:00 New York · 16:00 your time",
    );
    // The invite already posted stays in its channel; the repeat belongs to the series' creation.
    expect(select('plan-field-channelId').disabled).toBe(true);
    expect(document.getElementById('plan-field-recurrence')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-1']));
    const body = service.callsTo('PATCH', path)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ date: '2026-12-03', time: '10:00', channelId: learningChannelId });
    expect(body).not.toHaveProperty('recurrence');
  });
});

describe('the host is never their own co-teacher', () => {
  const planningPath = `GET /api/v1/teams/${encodeURIComponent(teamId)}/planning`;
  it('a new session: the person planning is not offered, and an earlier draft that lists them saves without them', async () => {
    // A draft saved before the form left the host out: Anna (planning) ticked herself and Bram.
    window.sessionStorage.setItem(`peerlearn.draft.${teamId}.new`, JSON.stringify({ ...draft, teacherIds: 'anna-oid,bram-oid' }));
    const service = createFakeService({ [`POST ${sessions}`]: created });
    const saved: string[] = [];
    await renderView(planView(service.fetch, saved));
    const group = within(await screen.findByRole('group', { name: 'Co-teachers' }));
    expect(group.queryByRole('checkbox', { name: 'Anna de Vries' })).toBeNull();
    expect((group.getByRole('checkbox', { name: 'Bram Jansen' }) as HTMLInputElement).checked).toBe(true);
    expect(group.getByRole('checkbox', { name: 'Chloé Bakker' })).toBeTruthy();
    expect(group.getAllByRole('checkbox')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-new']));
    expect(service.callsTo('POST', sessions)[0]?.body).toMatchObject({ teacherIds: ['bram-oid'] });
  });

  it('an edit by an owner: the stored host is left out (once, even where the session lists them), the owner is offered', async () => {
    const path = `${sessions}/s-1`;
    // The workshop was stored listing its host Anna among its teachers; Chloé, an owner, edits it.
    const service = createFakeService({
      [planningPath]: () => json(200, planning({ plannerId: 'chloe-oid' })),
      [`GET ${path}`]: () => json(200, detailOf({ isHost: false })),
      [`PATCH ${path}`]: () => json(200, { ...detailOf({ isHost: false }), changed: 1 }),
    });
    const saved: string[] = [];
    await renderView(planView(service.fetch, saved, { sessionId: 's-1' }));
    const group = within(await screen.findByRole('group', { name: 'Co-teachers' }));
    expect(group.queryByRole('checkbox', { name: 'Anna de Vries' })).toBeNull();
    expect(group.queryByRole('checkbox', { name: 'anna-oid' })).toBeNull();
    expect((group.getByRole('checkbox', { name: 'Bram Jansen' }) as HTMLInputElement).checked).toBe(true);
    expect((group.getByRole('checkbox', { name: 'Chloé Bakker' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(saved).toEqual(['s-1']));
    expect(service.callsTo('PATCH', path)[0]?.body).toMatchObject({ teacherIds: ['bram-oid'] });
  });

  it("the service's refusal lands on the co-teachers, in Dutch", async () => {
    window.sessionStorage.setItem(`peerlearn.draft.${teamId}.new`, JSON.stringify(draft));
    const service = createFakeService({
      [`POST ${sessions}`]: () =>
        sessionRefused([{ field: 'teacherIds', code: 'hostIsTeacher', message: 'The host teaches this session already.' }]),
    });
    await renderView(planView(service.fetch, []), 'nl');
    fireEvent.click(await screen.findByRole('button', { name: 'Sessie opslaan' }));
    await waitFor(() =>
      expect(messageOf('plan-field-teacherIds')).toBe(
        'De organisator geeft deze sessie al: kies als medeleraren anderen dan de organisator.',
      ),
    );
  });
});
