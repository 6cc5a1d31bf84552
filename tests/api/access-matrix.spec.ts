import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type {
  ApiError,
  CreateLearningRequestResponse,
  CreateSessionResponse,
  PulseResults,
  SessionDetailResponse,
  TipView,
} from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { ownerRoundId } from '../../bot/src/domain/buddies/buddy-slots';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

/**
 * Every team-scoped endpoint × every kind of caller → the answer (issue #11's test matrix), kept as
 * data: one row per action. The callers: `host` (a member who planned the session, authored the tip
 * and the request), `owner` (an owner of the team), `member` (another member), `outsider` (someone of
 * the same organisation in no team) and `otherTenant` (the member's own id, in another organisation).
 * The rules behind each row live in bot/src/domain/teams/team-access.ts; tests/bot/access-matrix.spec.ts
 * holds the same rows for the card verbs.
 */
type Actor = 'host' | 'owner' | 'member' | 'outsider' | 'otherTenant';
const ACTORS: readonly Actor[] = ['host', 'owner', 'member', 'outsider', 'otherTenant'];

/** What each row may need: made fresh for every test, by the host, so no row depends on another. */
interface Made {
  readonly sessionId: string;
  readonly requestId: string;
  readonly tipId: string;
  /** A pulse the team's owner posted. */
  readonly pulseId: string;
}
interface Row {
  readonly action: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: (made: Made) => string;
  readonly body?: (made: Made) => unknown;
  /** The session the row acts on is open to the organisation. */
  readonly openToOrganisation?: boolean;
  /** The answer per caller: the status, and the error code when there is one. */
  readonly expected: Readonly<Record<Actor, string>>;
}

const now = new Date();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
const session = (m: Made) => `${team}/sessions/${m.sessionId}`;
const request = (m: Made) => `${team}/requests/${encodeURIComponent(m.requestId)}`;
const draft = { title: 'Matrix session', startsAt: inDays(5), durationMinutes: 45, channelId: CHANNEL_ID };
let skills = 0;

/** The same answer for the three kinds of member, another for the outsider; another tenant never sees the team. */
const members = (member: string, outsider: string): Record<Actor, string> => ({
  host: member,
  owner: member,
  member,
  outsider,
  otherTenant: '404 not_found',
});
/** Only the host (or author) and the team's owners. */
const hostAndOwners = (ok: string, refused: string): Record<Actor, string> => ({
  host: ok,
  owner: ok,
  member: refused,
  outsider: refused,
  otherTenant: '404 not_found',
});

const OWNERS_200: Record<Actor, string> = {
  host: '403 owners_only',
  owner: '200',
  member: '403 owners_only',
  outsider: '403 not_member',
  otherTenant: '404 not_found',
};
const OWNERS_202: Record<Actor, string> = {
  host: '403 owners_only',
  owner: '202',
  member: '403 owners_only',
  outsider: '403 not_member',
  otherTenant: '404 not_found',
};

const ROWS: readonly Row[] = [
  // Sessions of the team only.
  {
    action: 'plan a session',
    method: 'POST',
    path: () => `${team}/sessions`,
    body: () => draft,
    expected: members('201', '403 not_member'),
  },
  {
    action: 'plan a weekly series naming a teacher',
    method: 'POST',
    path: () => `${team}/sessions`,
    body: () => ({ ...draft, recurrence: 'weekly', teacherIds: [people.cleo.aadObjectId] }),
    expected: members('201', '403 not_member'),
  },
  { action: 'read the board', method: 'GET', path: () => `${team}/sessions`, expected: members('200', '403 not_member') },
  { action: 'read past sessions', method: 'GET', path: () => `${team}/sessions?when=past`, expected: members('200', '403 not_member') },
  { action: 'read a session (who goes)', method: 'GET', path: session, expected: members('200', '403 not_member') },
  {
    action: 'edit a session',
    method: 'PATCH',
    path: session,
    body: () => ({ title: 'Renamed' }),
    expected: hostAndOwners('200', '403 not_host'),
  },
  {
    action: 'edit a series from here on',
    method: 'PATCH',
    path: (m) => `${session(m)}?scope=following`,
    body: () => ({ title: 'Renamed' }),
    expected: hostAndOwners('200', '403 not_host'),
  },
  { action: 'cancel a session', method: 'DELETE', path: session, expected: hostAndOwners('200', '403 not_host') },
  {
    action: 'cancel a series from here on',
    method: 'DELETE',
    path: (m) => `${session(m)}?scope=following`,
    expected: hostAndOwners('200', '403 not_host'),
  },
  {
    action: 'RSVP',
    method: 'PUT',
    path: (m) => `${session(m)}/rsvp`,
    body: () => ({ response: 'yes' }),
    expected: members('200', '403 not_member'),
  },
  {
    action: 'ask the host a question',
    method: 'POST',
    path: (m) => `${session(m)}/questions`,
    body: () => ({ text: 'What should I bring?' }),
    expected: members('201', '403 not_member'),
  },
  { action: "read the plan form's choices", method: 'GET', path: () => `${team}/planning`, expected: members('200', '403 not_member') },
  {
    action: 'suggest a discussion leader for the team',
    method: 'GET',
    path: () => `${team}/sessions/suggest-discussion-leader`,
    expected: members('200', '403 not_member'),
  },
  {
    action: 'suggest a discussion leader for a session',
    method: 'GET',
    path: (m) => `${session(m)}/suggest-discussion-leader`,
    expected: members('200', '403 not_member'),
  },
  // Sessions open to the organisation: read and answered by anyone in the tenant, still changed by the host and owners.
  { action: 'read an org-wide session', method: 'GET', path: session, openToOrganisation: true, expected: members('200', '200') },
  {
    action: 'RSVP to an org-wide session',
    method: 'PUT',
    path: (m) => `${session(m)}/rsvp`,
    body: () => ({ response: 'yes' }),
    openToOrganisation: true,
    expected: members('200', '200'),
  },
  {
    action: 'ask about an org-wide session',
    method: 'POST',
    path: (m) => `${session(m)}/questions`,
    body: () => ({ text: 'Is it recorded?' }),
    openToOrganisation: true,
    expected: members('201', '201'),
  },
  {
    action: 'edit an org-wide session',
    method: 'PATCH',
    path: session,
    body: () => ({ title: 'Mine now' }),
    openToOrganisation: true,
    expected: hostAndOwners('200', '403 not_host'),
  },
  {
    action: 'cancel an org-wide session',
    method: 'DELETE',
    path: session,
    openToOrganisation: true,
    expected: hostAndOwners('200', '403 not_host'),
  },
  // Kudos: the wall names people and the titles of team-only sessions.
  { action: 'read the kudos wall', method: 'GET', path: () => `${team}/kudos`, expected: members('200', '403 not_member') },
  // Tips.
  {
    action: 'share a tip',
    method: 'POST',
    path: () => `${team}/tips`,
    body: () => ({ title: 'A tip', body: 'Use the keyboard.', skills: ['Excel'] }),
    expected: members('201', '403 not_member'),
  },
  { action: 'read the tips', method: 'GET', path: () => `${team}/tips`, expected: members('200', '403 not_member') },
  { action: 'delete a tip', method: 'DELETE', path: (m) => `${team}/tips/${m.tipId}`, expected: hostAndOwners('204', '403 not_allowed') },
  // Learning requests: read across the organisation (F7: others find what colleagues want to learn); changed by members.
  { action: 'read the learning requests', method: 'GET', path: () => `${team}/requests`, expected: members('200', '200') },
  { action: 'read a learning request', method: 'GET', path: request, expected: members('200', '200') },
  {
    action: 'ask to learn something',
    method: 'POST',
    path: () => `${team}/requests`,
    // A made-up skill, confirmed as new (the team's taxonomy asks about any skill it does not know).
    body: () => {
      const skill = `Matrix skill ${(skills += 1)}`;
      return { skill, newSkills: [skill] };
    },
    expected: members('201', '403 not_member'),
  },
  { action: 'vote for a learning request', method: 'PUT', path: (m) => `${request(m)}/vote`, expected: members('200', '403 not_member') },
  {
    action: 'take a learning request',
    method: 'POST',
    path: (m) => `${request(m)}/take`,
    // Its author cannot teach it to themselves.
    expected: { ...members('200', '403 not_member'), host: '409 own_request' },
  },
  { action: 'close a learning request', method: 'DELETE', path: request, expected: hostAndOwners('200', '403 not_allowed') },
  // Team settings and the messages PeerLearn could not post.
  { action: 'read the team settings', method: 'GET', path: () => `${team}/settings`, expected: members('200', '403 not_member') },
  {
    action: 'change the team settings',
    method: 'PUT',
    path: () => `${team}/settings`,
    body: () => ({ reminderMinutes: [60] }),
    expected: {
      host: '403 owners_only',
      owner: '200',
      member: '403 owners_only',
      outsider: '403 not_member',
      otherTenant: '404 not_found',
    },
  },
  {
    action: 'list the messages that could not be posted',
    method: 'GET',
    path: () => `${team}/parked`,
    expected: {
      host: '403 owners_only',
      owner: '200',
      member: '403 owners_only',
      outsider: '403 owners_only',
      otherTenant: '404 not_found',
    },
  },
  // Learning buddies (issue #13): members take part, owners set the rhythm, start rounds and see whole rounds.
  { action: 'read my buddy status', method: 'GET', path: () => `${team}/buddies/me`, expected: members('200', '403 not_member') },
  {
    action: 'opt in to buddies',
    method: 'PUT',
    path: () => `${team}/buddies/me`,
    body: () => ({ optIn: true }),
    expected: members('200', '403 not_member'),
  },
  { action: 'read the buddy cadence', method: 'GET', path: () => `${team}/buddies/cadence`, expected: members('200', '403 not_member') },
  {
    action: 'set the buddy cadence',
    method: 'PUT',
    path: () => `${team}/buddies/cadence`,
    body: () => ({ cadence: { everyWeeks: 2, weekday: 'tue', time: '11:00' } }),
    expected: OWNERS_200,
  },
  { action: 'start a buddy round', method: 'POST', path: () => `${team}/buddies/rounds`, expected: OWNERS_202 },
  // Insights (issue #14): the team's members read the figures and their CSV; the quiet members are the owners'.
  { action: 'read the insights', method: 'GET', path: () => `${team}/insights`, expected: members('200', '403 not_member') },
  {
    action: 'download the participation CSV',
    method: 'GET',
    path: () => `${team}/insights.csv?table=participation`,
    expected: members('200', '403 not_member'),
  },
  { action: 'download the quiet members CSV', method: 'GET', path: () => `${team}/insights.csv?table=quiet`, expected: OWNERS_200 },
  // No round has been computed here (no worker runs): members get "no round yet", `{ round: null }`.
  {
    action: 'read the latest buddy round',
    method: 'GET',
    path: () => `${team}/buddies/rounds/latest`,
    expected: members('200', '403 not_member'),
  },
  {
    // Answering is for the people of a pair: for anyone else no such round exists for them to answer.
    action: 'answer "did you meet?" for a round that is not theirs',
    method: 'PUT',
    path: () => `${team}/buddies/rounds/${ownerRoundId(now, 'nobody')}/met`,
    body: () => ({ answer: 'yes' }),
    expected: { ...members('404 no_round', '404 no_round'), otherTenant: '404 no_round' },
  },
  // Insights (issue #14): an owner's nudge to a member; My learning is everyone's own.
  {
    action: 'nudge a quiet member',
    method: 'POST',
    path: () => `${team}/insights/quiet/${people.cleo.aadObjectId}/nudge`,
    expected: OWNERS_202,
  },
  {
    action: 'read my own learning',
    method: 'GET',
    path: () => '/me/learning',
    expected: { host: '200', owner: '200', member: '200', outsider: '200', otherTenant: '200' },
  },
  // Goals and pulse surveys (issue #14): members read and answer, owners set goals and post pulses.
  { action: 'read the team goals', method: 'GET', path: () => `${team}/goals`, expected: members('200', '403 not_member') },
  {
    action: 'replace the team goals',
    method: 'PUT',
    path: () => `${team}/goals`,
    body: () => ({ goals: [{ kind: 'sessions', target: 2, period: 'month' }] }),
    expected: OWNERS_200,
  },
  { action: 'post a pulse', method: 'POST', path: () => `${team}/pulses`, body: () => ({}), expected: OWNERS_202 },
  { action: 'read the latest pulse', method: 'GET', path: () => `${team}/pulses/latest`, expected: members('200', '403 not_member') },
  {
    action: 'answer a pulse',
    method: 'PUT',
    path: (m) => `${team}/pulses/${m.pulseId}/answer`,
    body: () => ({ answers: { learnedFromColleague: 4, timeToLearn: 3, wouldRecommend: 5 } }),
    expected: members('200', '403 not_member'),
  },
];

let service: RunningService;
const tokens: Record<Actor, string> = { host: '', owner: '', member: '', outsider: '', otherTenant: '' };
const OUTSIDER = { name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  const at = now.toISOString();
  await service.repositories.members.put({
    tenantId: PLAYGROUND_TENANT,
    userId: OUTSIDER.aadObjectId,
    displayName: OUTSIDER.name,
    bio: '',
    teaches: [],
    wants: [],
    languages: [],
    availability: '',
    createdAt: at,
    updatedAt: at,
  });
  const as = (userId: string, name: string, tenantId = PLAYGROUND_TENANT) => devToken(service, { tenantId, userId, name });
  tokens.host = await as(people.ann.aadObjectId, people.ann.name);
  tokens.owner = await as(people.host.aadObjectId, people.host.name); // seedTeam makes this person the owner
  tokens.member = await as(people.bob.aadObjectId, people.bob.name);
  tokens.outsider = await as(OUTSIDER.aadObjectId, OUTSIDER.name);
  tokens.otherTenant = await as(people.bob.aadObjectId, 'Bob elsewhere', '99999999-0000-0000-0000-000000000000');
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(who: Actor, method: string, path: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);

async function make(openToOrganisation: boolean): Promise<Made> {
  const planned = await call<CreateSessionResponse>('host', 'POST', `${team}/sessions`, {
    ...draft,
    recurrence: 'weekly',
    openToOrganisation,
  });
  // A made-up skill per fixture, confirmed as new (the taxonomy asks about any skill it does not know).
  const skill = `Fixture skill ${(skills += 1)}`;
  const asked = await call<CreateLearningRequestResponse>('host', 'POST', `${team}/requests`, { skill, newSkills: [skill] });
  const tip = await call<TipView>('host', 'POST', `${team}/tips`, { title: 'Fixture tip', body: 'Shortcuts.', skills: ['Excel'] });
  const pulse = await call<PulseResults>('owner', 'POST', `${team}/pulses`, {});
  expect([planned.status, asked.status, tip.status, pulse.status]).toEqual([201, 201, 201, 202]);
  return {
    sessionId: planned.body.sessions[0]?.sessionId ?? '',
    requestId: asked.body.request.requestId,
    tipId: tip.body.tipId,
    pulseId: pulse.body.pulseId,
  };
}

const answerOf = ({ status, body }: { status: number; body: unknown }) => {
  const code = (body as Partial<ApiError> | undefined)?.error?.code;
  return code ? `${status} ${code}` : `${status}`;
};

describe('who may do what with a team, through the API', () => {
  const cases = ROWS.flatMap((row) => ACTORS.map((actor) => [row.action, actor, row.expected[actor], row] as const));

  it.each(cases)('%s as %s → %s', async (_action, actor, expected, row) => {
    const made = await make(row.openToOrganisation === true);
    expect(answerOf(await call(actor, row.method, row.path(made), row.body?.(made)))).toBe(expected);
  });
});

describe('a refused change leaves nothing behind', () => {
  it.each<Actor>(['member', 'outsider', 'otherTenant'])('%s: the session, its answers and its request are as they were', async (actor) => {
    const made = await make(false);
    await call(actor, 'PATCH', session(made), { title: 'Renamed' });
    await call(actor, 'DELETE', session(made));
    await call(actor, 'DELETE', request(made));
    const stored = await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, made.sessionId);
    expect([stored?.title, stored?.status]).toEqual(['Matrix session', 'scheduled']);
    expect((await service.repositories.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, made.requestId))?.status).toBe('open');
  });
});

describe('the calendar file', () => {
  it('the signed link a member sees works without a sign-in; the same link with another session or a forged token is 404', async () => {
    const made = await make(false);
    const detail = await call<SessionDetailResponse>('member', 'GET', session(made));
    const link = new URL(detail.body.calendarUrl);
    expect((await fetch(`${service.url}${link.pathname}${link.search}`)).status).toBe(200);
    const other = await make(false);
    const swapped = link.pathname.replace(made.sessionId, other.sessionId);
    expect((await fetch(`${service.url}${swapped}${link.search}`)).status).toBe(404);
    const forged = new URLSearchParams(link.search);
    forged.set('token', 'A'.repeat(forged.get('token')?.length ?? 43));
    expect((await fetch(`${service.url}${link.pathname}?${forged.toString()}`)).status).toBe(404);
  });
});
