import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import { recentResponders } from '../../bot/src/domain/rsvp/recent-responders';
import { timeZoneOf } from '../../bot/src/domain/sessions/session-service';
import { namesOf } from '../../bot/src/domain/teams/person-names';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import {
  CHANNEL_ID,
  TEAM_ID,
  clearQueue,
  execute,
  invokeActivity,
  messageActivity,
  people,
  queuedJobs,
  useSeededBot,
} from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

let clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);
beforeEach(async () => {
  clock = new Date('2026-11-27T12:00:00.000Z');
  bot.connector.sent.length = 0;
  await clearQueue(bot.service);
});

async function invoke(name: string, value: unknown, from = people.ann, where = {}): Promise<InvokeBody> {
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, from, where));
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
}

const action = (verb: string, data: Record<string, unknown>, from = people.ann, where = {}) =>
  invoke('adaptiveCard/action', execute(verb, data), from, where);

/** The card of an `adaptiveCard/action` answer; its JSON holds the texts Teams shows (rendering: tests/cards). */
function cardOf(body: InvokeBody): { card: AdaptiveCard; text: string } {
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const card = body.value as AdaptiveCard;
  return { card, text: JSON.stringify(card) };
}

const valid = {
  teamId: TEAM_ID,
  title: 'Pairing on tests',
  date: '2026-12-03',
  time: '14:00',
  durationMinutes: '45',
  channelId: CHANNEL_ID,
  format: 'pair',
};

async function plan(overrides: Record<string, unknown> = {}, from = people.host): Promise<LearningSession> {
  const body = await action('createSession', { ...valid, ...overrides }, from);
  expect(cardOf(body).text).toContain('is planned');
  const sessions = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
  const created = sessions
    .filter((s) => s.title === (overrides.title ?? valid.title))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.startsAt.localeCompare(b.startsAt));
  if (!created[0]) throw new Error('not created');
  return created[0];
}

const rsvpsOf = (sessionId: string) => bot.service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, sessionId);

describe('planning through the bot', () => {
  it('"new session" in a channel answers the form, the suggested discussion leader preselected', async () => {
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'new session', people.host));
    const [reply] = await bot.connector.waitFor(1);
    const card = JSON.stringify(reply?.activity.attachments?.[0]?.content);
    expect(card).toContain('Plan a learning session');
    expect(card).toContain('"verb":"createSession"');
    expect(card).toContain('suggested: longest without a role');
    expect(card).toContain(`"value":"${CHANNEL_ID}"`);
  });

  it('"nieuwe sessie" answers in Dutch', async () => {
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'nieuwe sessie', people.host));
    const [reply] = await bot.connector.waitFor(1);
    expect(JSON.stringify(reply?.activity.attachments?.[0]?.content)).toContain('Een leersessie plannen');
  });

  it.each([
    ['an empty title', { title: '' }, 'Give the session a title.'],
    ['a start in the past', { date: '2026-11-01' }, 'The start is in the past'],
    ['capacity 0', { capacity: '0' }, 'from 1 to 10,000'],
    ['duration 0 (end before start)', { durationMinutes: '0' }, 'The end must be after the start.'],
    ['an http link', { onlineUrl: 'http://x.example' }, 'https://'],
  ])('refuses %s: the form again with the message inline, nothing stored', async (_name, overrides, message) => {
    const before = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const { text } = cardOf(await action('createSession', { ...valid, ...overrides }, people.host));
    expect(text).toContain('Please fix the fields marked below.');
    expect(text).toContain(message);
    expect(text).toContain('"id":"title"');
    expect((await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
    expect(await queuedJobs(bot.service)).toEqual([]);
  });

  it('creates the session and enqueues the invite, reminders and feedback request', async () => {
    const session = await plan();
    expect(session).toMatchObject({
      hostId: people.host.aadObjectId,
      startsAt: '2026-12-03T13:00:00.000Z',
      durationMinutes: 45,
      channelId: CHANNEL_ID,
      format: 'pair',
    });
    const jobs = await queuedJobs(bot.service);
    // Only the invite is due now; reminders and the feedback request wait for their time.
    expect(jobs).toEqual([{ kind: 'postInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: session.sessionId }]);
  });

  it('without a channel choice (a team whose channels are not known yet) the invite goes to the channel the form was used in', async () => {
    const bare = '19:bare-team@thread.tacv2';
    await bot.service.repositories.teams.upsert({
      tenantId: PLAYGROUND_TENANT,
      teamId: bare,
      name: 'Bare',
      locale: 'en-US',
      channels: [],
      createdAt: clock.toISOString(),
      updatedAt: clock.toISOString(),
    });
    const { channelId: _unused, ...noChannel } = valid;
    const body = await action('createSession', { ...noChannel, teamId: bare, title: 'Bare team session' }, people.host, {
      teamId: bare,
      channelId: '19:bare-channel@thread.tacv2',
    });
    expect(cardOf(body).text).toContain('The invite goes to the channel');
    const [created] = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, bare);
    expect(created?.channelId).toBe('19:bare-channel@thread.tacv2');
  });

  it('creates a weekly series of 8 occurrences', async () => {
    const { text } = cardOf(await action('createSession', { ...valid, title: 'Weekly kata', recurrence: 'weekly' }, people.host));
    expect(text).toContain('8 sessions');
    const series = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).filter(
      (s) => s.title === 'Weekly kata',
    );
    expect(series).toHaveLength(8);
    expect(new Set(series.map((s) => s.seriesId)).size).toBe(1);
  });
});

describe('the invite card’s actions', () => {
  it('RSVP: stores the answer, answers the refreshed card with the count, enqueues updateInvite', async () => {
    const session = await plan({ title: 'RSVP me' });
    await clearQueue(bot.service);
    const { card, text } = cardOf(await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' }));
    expect(text).toContain('1 going');
    expect(text).toContain('You are going');
    expect(card.refresh?.userIds).toContain(`8:orgid:${people.ann.aadObjectId}`);
    expect((await rsvpsOf(session.sessionId)).map((r) => [r.userId, r.response])).toEqual([[people.ann.aadObjectId, 'yes']]);
    expect(await queuedJobs(bot.service)).toEqual([
      { kind: 'updateInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: session.sessionId },
    ]);
  });

  it('refresh answers the user-specific view; the host gets the cancel control', async () => {
    const session = await plan({ title: 'Refresh me' });
    const mine = cardOf(await action('refresh', { sessionId: session.sessionId, teamId: TEAM_ID })).text;
    expect(mine).toContain('You have not answered yet.');
    expect(mine).not.toContain('cancelSession');
    const host = cardOf(await action('refresh', { sessionId: session.sessionId, teamId: TEAM_ID }, people.host)).text;
    expect(host).toContain('You are the host.');
    expect(host).toContain('"verb":"cancelSession"');
  });

  it('an unknown verb gets a 400 error response, never a throw', async () => {
    const body = await action('dance', { sessionId: 'x', teamId: TEAM_ID });
    expect(body).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'unknownVerb', message: expect.stringContaining('“dance”') },
    });
  });

  it.each([
    ['a missing sessionId', { teamId: TEAM_ID, response: 'yes' }, {}, 'missing its session'],
    ['a forged sessionId', { sessionId: 'no-such-session', teamId: TEAM_ID, response: 'yes' }, {}, 'does not exist'],
    [
      'a session of another team',
      { sessionId: 'REAL', teamId: TEAM_ID, response: 'yes' },
      { teamId: '19:other@thread.tacv2' },
      'belongs to another team',
    ],
    [
      'a session of another tenant',
      { sessionId: 'REAL', teamId: TEAM_ID, response: 'yes' },
      { tenantId: '99999999-0000-0000-0000-000000000000' },
      'does not exist',
    ],
    ['a bad response', { sessionId: 'REAL', teamId: TEAM_ID, response: 'perhaps' }, {}, 'Answer going, maybe'],
  ] as [string, Record<string, unknown>, Record<string, unknown>, string][])(
    'refuses %s with a clear message and stores nothing',
    async (_name, data, where, message) => {
      const session = await plan({ title: `Guarded ${_name}` });
      await clearQueue(bot.service);
      const fixed = { ...data, ...(data.sessionId === 'REAL' ? { sessionId: session.sessionId } : {}) };
      const { text } = cardOf(await action('rsvp', fixed, people.ann, where));
      expect(text).toContain(message);
      expect(await rsvpsOf(session.sessionId)).toEqual([]);
      expect(await queuedJobs(bot.service)).toEqual([]);
    },
  );

  it('capacity with a waitlist: the first in line is promoted and told when a place frees up', async () => {
    const session = await plan({ title: 'Tiny room', capacity: '1' });
    const ref = { sessionId: session.sessionId, teamId: TEAM_ID };
    await action('rsvp', { ...ref, response: 'yes' }, people.ann);
    const bob = cardOf(await action('rsvp', { ...ref, response: 'yes' }, people.bob)).text;
    expect(bob).toContain('You are on the waitlist');
    expect(bob).toContain('1 on the waitlist');
    await action('rsvp', { ...ref, response: 'yes' }, people.cleo);
    await clearQueue(bot.service);
    const ann = cardOf(await action('rsvp', { ...ref, response: 'no' }, people.ann)).text;
    expect(ann).toContain('1 of 1 places taken');
    const rows = Object.fromEntries((await rsvpsOf(session.sessionId)).map((r) => [r.userId, r.waitlisted === true]));
    expect(rows).toEqual({ [people.ann.aadObjectId]: false, [people.bob.aadObjectId]: false, [people.cleo.aadObjectId]: true });
    const jobs = await queuedJobs(bot.service);
    expect(jobs).toContainEqual(
      expect.objectContaining({ kind: 'notifyPerson', userId: people.bob.aadObjectId, reason: 'waitlistPromoted' }),
    );
    const stored = await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId);
    expect(stored?.counts).toMatchObject({ yes: 1, no: 1, waitlisted: 1 });
  });

  it('cancel: only the host; then RSVPs are refused with a clear message', async () => {
    const session = await plan({ title: 'To cancel' });
    const ref = { sessionId: session.sessionId, teamId: TEAM_ID };
    await action('rsvp', { ...ref, response: 'yes' }, people.ann);
    expect(cardOf(await action('cancelSession', ref, people.bob)).text).toContain('Only the host or an owner of the team can do this.');
    expect((await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId))?.status).toBe('scheduled');
    await clearQueue(bot.service);
    const cancelled = cardOf(await action('cancelSession', ref, people.host)).text;
    expect(cancelled).toContain('This session is cancelled.');
    const jobs = await queuedJobs(bot.service);
    expect(jobs).toContainEqual({ kind: 'updateInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: session.sessionId });
    expect(jobs).toContainEqual(
      expect.objectContaining({ kind: 'notifyPerson', userId: people.ann.aadObjectId, reason: 'sessionCancelled' }),
    );
    const refused = cardOf(await action('rsvp', { ...ref, response: 'maybe' }, people.bob)).text;
    expect(refused).toContain('This session is cancelled; answers are closed.');
    expect((await rsvpsOf(session.sessionId)).map((r) => r.userId)).toEqual([people.ann.aadObjectId]);
  });

  it('edit: the host gets the form prefilled, bad values come back inline, good ones are saved and the invite updated', async () => {
    const session = await plan({ title: 'To edit', capacity: '5' });
    const ref = { sessionId: session.sessionId, teamId: TEAM_ID };
    expect(cardOf(await action('editSession', ref, people.bob)).text).toContain('Only the host or an owner of the team can do this.');
    const form = cardOf(await action('editSession', ref, people.host)).text;
    expect(form).toContain('Edit the session');
    expect(form).toContain('"verb":"saveSession"');
    expect(form).toContain('"value":"2026-12-03"');
    expect(form).toContain('"value":"14:00"');
    const values = {
      ...ref,
      title: 'Edited',
      date: '2026-12-03',
      time: '14:00',
      durationMinutes: '45',
      capacity: '5',
      channelId: CHANNEL_ID,
      format: 'pair',
    };
    const bad = cardOf(await action('saveSession', { ...values, title: '', capacity: '0' }, people.host)).text;
    expect(bad).toContain('Give the session a title.');
    expect((await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId))?.title).toBe('To edit');
    // Skills added on the card pass the team's taxonomy, as the API's edit does: a typo is asked about, nothing saved.
    const typo = cardOf(await action('saveSession', { ...values, skills: 'Dokcer' }, people.host)).text;
    expect(typo).toContain('Did you mean Docker?');
    expect(typo).toContain('"id":"newSkills"');
    expect((await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId))?.skills).toEqual([]);
    await clearQueue(bot.service);
    const saved = cardOf(await action('saveSession', { ...values, skills: 'docker' }, people.host)).text;
    expect(saved).toContain('Changes to “Edited” are saved.');
    expect(await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId)).toMatchObject({
      title: 'Edited',
      skills: ['Docker'],
    });
    expect(await queuedJobs(bot.service)).toEqual([
      { kind: 'updateInvite', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: session.sessionId },
    ]);
  });

  it('an RSVP to a session that has started is refused', async () => {
    const session = await plan({ title: 'Soon over' });
    clock = new Date('2026-12-03T13:10:00.000Z');
    const text = cardOf(await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' })).text;
    expect(text).toContain('already started');
    expect(await rsvpsOf(session.sessionId)).toEqual([]);
  });

  it('feedback: attendees only, once and editable; the host is told (debounced)', async () => {
    const session = await plan({ title: 'Feedback me' });
    const ref = { sessionId: session.sessionId, teamId: TEAM_ID };
    await action('rsvp', { ...ref, response: 'yes' }, people.ann);
    clock = new Date('2026-12-03T14:00:00.000Z');
    const personal = { teamId: null };
    expect(cardOf(await action('feedback', { ...ref, rating: '5', learnedSomethingNew: 'true' }, people.bob, personal)).text).toContain(
      'Only people who went',
    );
    expect(cardOf(await action('feedback', { ...ref, rating: '9' }, people.ann, personal)).text).toContain('Choose a rating from 1 to 5.');
    expect(
      cardOf(
        await action('feedback', { ...ref, rating: '4', learnedSomethingNew: 'true', willApply: 'Smaller tests' }, people.ann, personal),
      ).text,
    ).toContain('Thanks for your feedback');
    await action('feedback', { ...ref, rating: '5', learnedSomethingNew: 'false', willApply: '' }, people.ann, personal);
    const stored = await bot.service.repositories.feedback.listForSession(PLAYGROUND_TENANT, session.sessionId);
    expect(stored.map((f) => [f.userId, f.rating, f.learnedSomethingNew])).toEqual([[people.ann.aadObjectId, 5, false]]);
  });

  it('kudos from the card: only to the session’s host or teachers; stored and posted to the channel', async () => {
    const session = await plan({ title: 'Thank me' });
    const ref = { sessionId: session.sessionId, teamId: TEAM_ID };
    clock = new Date('2026-12-03T14:00:00.000Z');
    await clearQueue(bot.service);
    const forged = cardOf(await action('kudos', { ...ref, toUserId: people.bob.aadObjectId })).text;
    expect(forged).toContain('Choose who to thank.');
    expect(
      (await bot.service.repositories.kudos.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).filter((k) => k.sessionId === session.sessionId),
    ).toEqual([]);
    const thanked = cardOf(await action('kudos', { ...ref, toUserId: people.host.aadObjectId })).text;
    expect(thanked).toContain('Thanks sent to Hanna Host.');
    const [kudos] = (await bot.service.repositories.kudos.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).filter(
      (k) => k.sessionId === session.sessionId,
    );
    expect(kudos).toMatchObject({ fromUserId: people.ann.aadObjectId, toUserId: people.host.aadObjectId, channelId: CHANNEL_ID });
    expect(await queuedJobs(bot.service)).toEqual([
      { kind: 'celebrateMilestones', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, kudosId: kudos?.kudosId },
      { kind: 'postKudos', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, kudosId: kudos?.kudosId },
    ]);
  });

  it('50 concurrent RSVPs through the adapter give exactly 50', async () => {
    const session = await plan({ title: 'Popular' });
    const users = Array.from({ length: 50 }, (_, i) => ({
      id: `29:u${i}`,
      name: `User ${i}`,
      aadObjectId: `00000000-0000-0000-0000-0000000b${String(i).padStart(4, '0')}`,
    }));
    const bodies = await Promise.all(
      users.map((u) => action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' }, u)),
    );
    for (const b of bodies) expect(b.statusCode).toBe(200);
    const stored = await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId);
    expect(stored?.counts.yes).toBe(50);
    expect((await rsvpsOf(session.sessionId)).length).toBe(50);
    // One invite update for the burst, not one per answer (domain/rsvp/invite-updates.ts).
    const updates = (await queuedJobs(bot.service)).filter((j) => j.kind === 'updateInvite');
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(3);

    // The next answer's card, built from the tally, equals the card built the old way from every row.
    const { card } = cardOf(await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'maybe' }, people.bob));
    const repos = bot.service.repositories;
    const after = await repos.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId);
    const team = await repos.teams.get(PLAYGROUND_TENANT, TEAM_ID);
    if (!after) throw new Error('session gone');
    const rows = await rsvpsOf(session.sessionId);
    const mine = rows.find((r) => r.userId === people.bob.aadObjectId);
    const roles = [after.hostId, ...after.teacherIds, ...(after.discussionLeaderId ? [after.discussionLeaderId] : [])];
    const names = new Map([...(await namesOf(repos, PLAYGROUND_TENANT, roles)).values()].map((p) => [p.userId, p.displayName]));
    const calendarUrl = JSON.stringify(card).match(/"url":"([^"]*calendar\.ics[^"]*)"/)?.[1] ?? '';
    const oldWay = sessionInviteCard(
      {
        session: after,
        names,
        timeZone: timeZoneOf(team),
        calendarUrl,
        recentResponders: recentResponders(rows).map((r) => r.userId),
        now: clock,
      },
      { userId: people.bob.aadObjectId, ...(mine ? { rsvp: mine } : {}) },
      'en',
    );
    expect(card.refresh).toEqual(oldWay.refresh);
    expect(card).toEqual(oldWay);
    // The host and all 51 who answered (fewer than the 59 the list holds).
    expect(card.refresh?.userIds).toHaveLength(52);
  });
});

describe('messaging extension and dialogs', () => {
  it('planSession: fetchTask answers the form as a task module', async () => {
    const body = await invoke('composeExtension/fetchTask', { commandId: 'planSession', commandContext: 'compose' }, people.host);
    expect(body.task?.type).toBe('continue');
    const value = body.task?.value as { card: { contentType: string; content: unknown }; title: string };
    expect(value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(value.card.content)).toContain('"type":"Action.Submit"');
  });

  it('planSession: a bad submit answers the form again with the problems, nothing stored; a good one creates', async () => {
    const before = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const bad = await invoke(
      'composeExtension/submitAction',
      { commandId: 'planSession', data: { ...valid, title: '', capacity: '-2' } },
      people.host,
    );
    expect(bad.task?.type).toBe('continue');
    const content = JSON.stringify((bad.task?.value as { card: { content: unknown } }).card.content);
    expect(content).toContain('Give the session a title.');
    expect(content).toContain('from 1 to 10,000');
    expect((await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
    const good = await invoke(
      'composeExtension/submitAction',
      { commandId: 'planSession', data: { ...valid, title: 'From the compose box' } },
      people.host,
    );
    expect(good.task).toEqual({ type: 'message', value: expect.stringContaining('is planned') });
    expect(
      (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).some((s) => s.title === 'From the compose box'),
    ).toBe(true);
    expect(await queuedJobs(bot.service)).toContainEqual(expect.objectContaining({ kind: 'postInvite' }));
  });

  it('task/fetch and task/submit run the same dialog', async () => {
    const fetched = await invoke('task/fetch', { data: { verb: 'planSession' } }, people.host);
    expect(fetched.task?.type).toBe('continue');
    const submitted = await invoke('task/submit', { data: { ...valid, title: 'Via dialog', verb: 'createSession' } }, people.host);
    expect(submitted.task?.type).toBe('message');
  });
});

describe('my sessions and kudos', () => {
  it('"my sessions" lists the person’s upcoming sessions with their role', async () => {
    await bot.service.repositories.teams.addMembers([
      { tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, userId: people.cleo.aadObjectId, role: 'member', joinedAt: clock.toISOString() },
    ]);
    const session = await plan({ title: 'Mine to attend' });
    await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' }, people.cleo);
    bot.connector.sent.length = 0;
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'my sessions', people.cleo, { teamId: null }));
    const [reply] = await bot.connector.waitFor(1);
    const card = JSON.stringify(reply?.activity.attachments?.[0]?.content);
    expect(card).toContain('Your upcoming sessions');
    expect(card).toContain('Mine to attend — Going');
  });

  it('"thanks @someone" stores kudos and posts a kudos card in the conversation', async () => {
    const mention = { type: 'mention', mentioned: { id: people.bob.id, name: people.bob.name }, text: `<at>${people.bob.name}</at>` };
    await postActivity(
      bot.service.url,
      messageActivity(bot.connector.serviceUrl, `thanks <at>${people.bob.name}</at> for the demo`, people.ann, {}, [mention]),
    );
    const [reply] = await bot.connector.waitFor(1);
    const card = JSON.stringify(reply?.activity.attachments?.[0]?.content);
    expect(card).toContain('Kudos for Bob Builder');
    expect(card).toContain('for the demo');
    const kudos = await bot.service.repositories.kudos.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(kudos.find((k) => k.message === 'for the demo')).toMatchObject({
      fromUserId: people.ann.aadObjectId,
      toUserId: people.bob.aadObjectId,
      channelId: CHANNEL_ID,
    });
  });

  it.each([
    ['yourself', [{ type: 'mention', mentioned: { id: people.ann.id, name: people.ann.name } }], 'kudos are for colleagues'],
    ['nobody', [], 'Who would you like to thank?'],
  ])('"thanks" to %s gets a friendly answer and stores nothing', async (_name, entities, message) => {
    const before = (await bot.service.repositories.kudos.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    await postActivity(
      bot.service.url,
      messageActivity(bot.connector.serviceUrl, `thanks <at>${people.ann.name}</at>`, people.ann, {}, entities),
    );
    const [reply] = await bot.connector.waitFor(1);
    expect(reply?.activity.text).toContain(message);
    expect((await bot.service.repositories.kudos.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
  });
});
