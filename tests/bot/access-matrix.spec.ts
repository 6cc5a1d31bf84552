import { beforeEach, describe, expect, it } from '@jest/globals';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import {
  CHANNEL_ID,
  TEAM_ID,
  clearQueue,
  execute,
  invokeActivity,
  people,
  queuedJobs,
  useSeededBot,
} from '../support/bot/session-fixtures';
import type { WhereOptions } from '../support/bot/session-fixtures';

/**
 * Every card verb, dialog and messaging-extension command that touches a team × every kind of
 * caller → the card's answer (issue #11's matrix; tests/api/access-matrix.spec.ts holds the API's
 * rows, and both follow bot/src/domain/teams/team-access.ts). Each card is sent from the person's
 * personal chat naming the team in its data: there Teams vouches for nothing, so only PeerLearn's
 * rules decide (in the team's own channel Teams vouches that the sender is a member). A refusal
 * changes nothing stored and queues nothing.
 */
type Actor = 'host' | 'owner' | 'member' | 'outsider' | 'otherTenant';
const ACTORS: readonly Actor[] = ['host', 'owner', 'member', 'outsider', 'otherTenant'];
const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const olga = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };
const FROM: Record<Actor, { readonly user: ActivityUser; readonly where: WhereOptions }> = {
  host: { user: people.ann, where: { teamId: null } },
  owner: { user: people.host, where: { teamId: null } },
  member: { user: people.bob, where: { teamId: null } },
  outsider: { user: olga, where: { teamId: null } },
  otherTenant: { user: people.bob, where: { teamId: null, tenantId: OTHER_TENANT } },
};

/** The texts a person reads (en); a success names what happened. */
const SAY = {
  notMember: 'Only members of this team can do this.',
  notHost: 'Only the host or an owner of the team can do this.',
  notFound: 'This session does not exist (any more) in this team.',
  teamUnknown: 'This team is not known to PeerLearn yet.',
  notNamed: 'Only the person named as a teacher or discussion leader',
  kudosSelf: 'Kudos are for colleagues, not for yourself.',
  planned: 'is planned',
  saved: 'Changes to',
  feedbackThanks: 'Thanks for your feedback',
  kudosSent: 'Thanks sent to',
  editForm: '"verb":"saveSession"',
  inviteCard: '"verb":"refresh"',
} as const;
type Said = keyof typeof SAY;

/** A team-only session, planned by the host; `past` moves it an hour into the past after the members said yes. */
interface Made {
  readonly sessionId: string;
}
interface Row {
  readonly action: string;
  /** The invoke's name and value. */
  readonly invoke: (made: Made) => readonly [string, unknown];
  readonly past?: boolean;
  readonly openToOrganisation?: boolean;
  readonly expected: Readonly<Record<Actor, Said>>;
}

const now = new Date();
const day = new Date(now.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
const form = { teamId: TEAM_ID, title: 'Planned by card', date: day, time: '14:00', durationMinutes: '45', channelId: CHANNEL_ID };
const ofSession = (m: Made) => ({ teamId: TEAM_ID, sessionId: m.sessionId });
const card = (verb: string, data: (m: Made) => Record<string, unknown>) => (m: Made) =>
  ['adaptiveCard/action', execute(verb, data(m))] as const;

const members = (ok: Said, outsider: Said, otherTenant: Said = 'notFound'): Record<Actor, Said> => ({
  host: ok,
  owner: ok,
  member: ok,
  outsider,
  otherTenant,
});
/** Only the session's host and the team's owners; to anyone else it is not theirs to change. */
const hostAndOwners = (ok: Said): Record<Actor, Said> => ({
  host: ok,
  owner: ok,
  member: 'notHost',
  outsider: 'notHost',
  otherTenant: 'notFound',
});

const ROWS: readonly Row[] = [
  {
    action: 'plan by card (createSession)',
    invoke: card('createSession', () => form),
    expected: members('planned', 'notMember', 'teamUnknown'),
  },
  {
    action: 'plan a weekly series by card',
    invoke: card('createSession', () => ({ ...form, recurrence: 'weekly' })),
    expected: members('planned', 'notMember', 'teamUnknown'),
  },
  {
    action: 'plan in the dialog (task/submit)',
    invoke: () => ['task/submit', { data: { ...form, verb: 'createSession' } }],
    expected: members('planned', 'notMember', 'teamUnknown'),
  },
  {
    action: 'plan from the compose box (planSession submitAction)',
    invoke: () => ['composeExtension/submitAction', { commandId: 'planSession', data: form }],
    expected: members('planned', 'notMember', 'teamUnknown'),
  },
  { action: 'refresh the invite card', invoke: card('refresh', ofSession), expected: members('inviteCard', 'notMember') },
  { action: 'RSVP', invoke: card('rsvp', (m) => ({ ...ofSession(m), response: 'yes' })), expected: members('inviteCard', 'notMember') },
  {
    action: 'RSVP to an org-wide session',
    invoke: card('rsvp', (m) => ({ ...ofSession(m), response: 'yes' })),
    openToOrganisation: true,
    expected: members('inviteCard', 'inviteCard'),
  },
  {
    action: 'open the edit form',
    invoke: card('editSession', ofSession),
    // The form shows the session, so reading it is checked first: an outsider may not see a team-only session at all.
    expected: { ...hostAndOwners('editForm'), outsider: 'notMember' },
  },
  {
    action: 'save an edit',
    invoke: card('saveSession', (m) => ({ ...ofSession(m), ...form, title: 'Renamed by card' })),
    expected: hostAndOwners('saved'),
  },
  { action: 'cancel', invoke: card('cancelSession', ofSession), expected: hostAndOwners('inviteCard') },
  {
    action: 'cancel an org-wide session',
    invoke: card('cancelSession', ofSession),
    openToOrganisation: true,
    expected: hostAndOwners('inviteCard'),
  },
  {
    action: 'give feedback',
    invoke: card('feedback', (m) => ({ ...ofSession(m), rating: '5', learnedSomethingNew: 'true' })),
    past: true,
    expected: members('feedbackThanks', 'notMember'),
  },
  {
    action: 'thank the host (kudos)',
    invoke: card('kudos', (m) => ({ ...ofSession(m), toUserId: people.ann.aadObjectId })),
    expected: { ...members('kudosSent', 'notMember'), host: 'kudosSelf' },
  },
  // Only a named teacher or leader may decline, and only members can be named: everyone else hears they were not named.
  { action: 'decline a role one was not named for', invoke: card('declineRole', ofSession), expected: members('notNamed', 'notNamed') },
];

const bot = useSeededBot(() => now);

beforeEach(async () => {
  bot.connector.sent.length = 0;
  await clearQueue(bot.service);
});

async function send(actor: Actor, [name, value]: readonly [string, unknown]): Promise<string> {
  const { user, where } = FROM[actor];
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, user, where));
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

let made = 0;
async function make(row: Row): Promise<Made> {
  const title = `Matrix card ${(made += 1)}`;
  const text = await send('host', ['adaptiveCard/action', execute('createSession', { ...form, title })]);
  expect(text).toContain(SAY.planned);
  const all = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
  const session = all.find((s) => s.title === title);
  if (!session) throw new Error('not planned');
  const fresh = { sessionId: session.sessionId };
  if (row.past)
    for (const actor of ['host', 'owner', 'member'] as const)
      await send(actor, card('rsvp', (m) => ({ ...ofSession(m), response: 'yes' }))(fresh));
  if (row.past || row.openToOrganisation) {
    await bot.service.repositories.sessions.update(PLAYGROUND_TENANT, TEAM_ID, session.sessionId, (s) => ({
      ...s,
      openToOrganisation: row.openToOrganisation === true,
      ...(row.past ? { startsAt: new Date(now.getTime() - 3_600_000).toISOString() } : {}),
    }));
  }
  await clearQueue(bot.service);
  return fresh;
}

/** What a refusal must leave as it was: the team's sessions, the session's answers, feedback and kudos. */
async function stored(made: Made) {
  const repos = bot.service.repositories;
  const sessions = await repos.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
  return {
    sessions: sessions.map((s) => [s.sessionId, s.title, s.status]).sort(),
    rsvps: (await repos.rsvps.listForSession(PLAYGROUND_TENANT, made.sessionId)).map((r) => [r.userId, r.response]).sort(),
    feedback: (await repos.feedback.listForSession(PLAYGROUND_TENANT, made.sessionId)).length,
    kudos: (await repos.kudos.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length,
  };
}

describe('who may do what with a team, through its cards, dialogs and compose box', () => {
  const cases = ROWS.flatMap((row) => ACTORS.map((actor) => [row.action, actor, row.expected[actor], row] as const));

  it.each(cases)('%s as %s → %s', async (_action, actor, expected, row) => {
    const made = await make(row);
    const before = await stored(made);
    const text = await send(actor, row.invoke(made));
    expect(text).toContain(SAY[expected]);
    const refused = !['planned', 'saved', 'feedbackThanks', 'kudosSent', 'editForm', 'inviteCard'].includes(expected);
    if (refused) {
      expect(await stored(made)).toEqual(before);
      expect(await queuedJobs(bot.service)).toEqual([]);
    } else {
      expect(text).not.toContain(SAY.notMember);
      expect(text).not.toContain(SAY.notHost);
    }
  });
});

describe('a card of one team acting on another', () => {
  it.each<[string, (m: Made) => readonly [string, unknown]]>([
    ['rsvp', card('rsvp', (m) => ({ ...ofSession(m), response: 'yes' }))],
    ['cancelSession', card('cancelSession', ofSession)],
    ['createSession', card('createSession', () => form)],
    ['task/submit', () => ['task/submit', { data: { ...form, verb: 'createSession' } }]],
  ])('%s sent from another team’s channel is refused, whatever its data names', async (_name, invoke) => {
    const made = await make({ action: 'other team', invoke, expected: members('notFound', 'notFound') });
    const before = await stored(made);
    const res = await postActivity(
      bot.service.url,
      invokeActivity(bot.connector.serviceUrl, invoke(made)[0], invoke(made)[1], people.host, { teamId: '19:another-team@thread.tacv2' }),
    );
    expect(JSON.stringify(await res.json())).toContain('This card belongs to another team.');
    expect(await stored(made)).toEqual(before);
  });
});

describe('what takes its team only from the conversation', () => {
  it.each(ACTORS)('as %s from a personal chat: a vote or a tip naming the team in its data is not counted', async (actor) => {
    const tipsBefore = (await bot.service.repositories.tips.list(PLAYGROUND_TENANT, TEAM_ID, { limit: 50 })).tips.length;
    const vote = await send(actor, ['adaptiveCard/action', execute('voteRequest', { teamId: TEAM_ID, requestId: 'any-request' })]);
    expect(vote).toContain('Ask this in a team channel where PeerLearn is installed');
    const tip = await send(actor, [
      'composeExtension/submitAction',
      { commandId: 'shareTip', data: { verb: 'shareTip', teamId: TEAM_ID, title: 'Forged tip', body: 'From a chat.', skills: 'Excel' } },
    ]);
    expect(tip).toContain('Tips belong to a team.');
    expect((await bot.service.repositories.tips.list(PLAYGROUND_TENANT, TEAM_ID, { limit: 50 })).tips.length).toBe(tipsBefore);
  });
});

describe('the learning buddies’ card verbs (issue #13)', () => {
  const BUDDY_SAY = {
    status: 'Your learning buddies',
    notMember: 'Only members of this team can take part in its learning buddies.',
    teamUnknown: 'I do not know that team. Is PeerLearn installed in it?',
    noRound: 'There has been no buddy round in this team yet.',
  } as const;
  type BuddySaid = keyof typeof BUDDY_SAY;
  const team = { poolId: TEAM_ID };
  /** The person's own participation: any member of the team, nobody else. */
  const own: Record<Actor, BuddySaid> = {
    host: 'status',
    owner: 'status',
    member: 'status',
    outsider: 'notMember',
    otherTenant: 'teamUnknown',
  };
  const noRound: Record<Actor, BuddySaid> = {
    host: 'noRound',
    owner: 'noRound',
    member: 'noRound',
    outsider: 'noRound',
    otherTenant: 'noRound',
  };
  const rows: readonly [string, Record<string, unknown>, Record<Actor, BuddySaid>][] = [
    ['buddyJoin', team, own],
    ['buddySkip', { ...team, skipNext: true }, own],
    ['buddyAcross', { ...team, across: true }, own],
    ['buddyLeave', team, own],
    ['buddyStatus', team, own],
    // A round that does not exist: nobody has anything to answer, and nobody learns more than that.
    ['buddyMet', { ...team, roundId: 'sched-2030-01-07T09:00:00.000Z', answer: 'yes' }, noRound],
  ];
  const cases = rows.flatMap(([verb, data, expected]) => ACTORS.map((actor) => [verb, actor, expected[actor], data] as const));

  it.each(cases)('%s as %s → %s', async (verb, actor, expected, data) => {
    const text = await send(actor, ['adaptiveCard/action', execute(verb, data)]);
    expect(text).toContain(BUDDY_SAY[expected]);
    expect(await queuedJobs(bot.service)).toEqual([]);
  });
});
